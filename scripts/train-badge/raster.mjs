// A tiny rasterizer for RGB float images (0..1, 3 floats a pixel, row-major): anti-aliased shapes by
// supersampled coverage, a perspective warp of a texture, blur and resampling. No canvas needed in Node.

export function makeImage(width, height, fill = [0, 0, 0]) {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(fill, i * 3);
  return { width, height, data };
}

const SUB = 4;

/**
 * Paints `color` (RGB array, or (x, y) => RGB) with `opacity` wherever `inside(x, y)` holds, x/y in pixel units
 * (pixel centres at +0.5), within the bounding box. Returns nothing; `coverage` (Float32Array, optional) gets
 * the painted share of every pixel added (before opacity).
 */
export function fillShape(image, bounds, inside, color, opacity = 1, coverage = null) {
  const x0 = Math.max(0, Math.floor(bounds.x0));
  const y0 = Math.max(0, Math.floor(bounds.y0));
  const x1 = Math.min(image.width, Math.ceil(bounds.x1));
  const y1 = Math.min(image.height, Math.ceil(bounds.y1));
  const colorAt = typeof color === 'function' ? color : () => color;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) if (inside(x + (sx + 0.5) / SUB, y + (sy + 0.5) / SUB)) hits++;
      }
      if (hits === 0) continue;
      const share = hits / (SUB * SUB);
      const a = share * opacity;
      const c = colorAt(x + 0.5, y + 0.5);
      const i = (y * image.width + x) * 3;
      for (let k = 0; k < 3; k++) image.data[i + k] = image.data[i + k] * (1 - a) + c[k] * a;
      if (coverage) coverage[y * image.width + x] = Math.min(1, coverage[y * image.width + x] + share);
    }
  }
}

/** Inside test and bounds of a convex polygon given as [[x, y], ...] (any winding). */
export function polygon(points) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const inside = (x, y) => {
    let sign = 0;
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[(i + 1) % points.length];
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross !== 0) {
        if (sign === 0) sign = Math.sign(cross);
        else if (Math.sign(cross) !== sign) return false;
      }
    }
    return true;
  };
  return { bounds: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, inside };
}

export function rect(x, y, w, h) {
  return polygon([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
}

export function ellipse(cx, cy, rx, ry, angle = 0) {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const r = Math.max(rx, ry);
  return {
    bounds: { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r },
    inside: (x, y) => {
      const u = ((x - cx) * c + (y - cy) * s) / rx;
      const v = (-(x - cx) * s + (y - cy) * c) / ry;
      return u * u + v * v <= 1;
    },
  };
}

/** A thick line (capsule) from a to b. */
export function segment([ax, ay], [bx, by], width) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy || 1e-9;
  const r = width / 2;
  return {
    bounds: { x0: Math.min(ax, bx) - r, y0: Math.min(ay, by) - r, x1: Math.max(ax, bx) + r, y1: Math.max(ay, by) + r },
    inside: (x, y) => {
      const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
      const px = ax + t * dx - x;
      const py = ay + t * dy - y;
      return px * px + py * py <= r * r;
    },
  };
}

/** Rounded rectangle (axis-aligned). */
export function roundedRect(x, y, w, h, radius) {
  const r = Math.min(radius, w / 2, h / 2);
  return {
    bounds: { x0: x, y0: y, x1: x + w, y1: y + h },
    inside: (px, py) => {
      if (px < x || px > x + w || py < y || py > y + h) return false;
      const cx = Math.min(Math.max(px, x + r), x + w - r);
      const cy = Math.min(Math.max(py, y + r), y + h - r);
      return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
    },
  };
}

/** Solves the homography mapping the unit square corners (0,0),(1,0),(1,1),(0,1) onto quad; returns its inverse as a function. */
export function inverseQuadMap(quad) {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad;
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  const a = x1 - x0 + g * x1;
  const b = x3 - x0 + h * x3;
  const c = x0;
  const d = y1 - y0 + g * y1;
  const e = y3 - y0 + h * y3;
  const f = y0;
  // forward: x = (a u + b v + c) / (g u + h v + 1), y = (d u + e v + f) / (g u + h v + 1); invert the 3x3.
  const m = [a, b, c, d, e, f, g, h, 1];
  const inv = invert3(m);
  return (x, y) => {
    const w = inv[6] * x + inv[7] * y + inv[8];
    return [(inv[0] * x + inv[1] * y + inv[2]) / w, (inv[3] * x + inv[4] * y + inv[5]) / w];
  };
}

function invert3([a, b, c, d, e, f, g, h, i]) {
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/**
 * Draws an RGBA texture ({ width, height, rgb, alpha }) into `quad` (4 corners: top-left, top-right,
 * bottom-right, bottom-left) with supersampling; adds the painted share to `coverage` if given.
 */
export function warpTexture(image, texture, quad, { tint = [1, 1, 1], coverage = null } = {}) {
  const toUnit = inverseQuadMap(quad);
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(image.width, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(image.height, Math.ceil(Math.max(...ys)));
  const { width: tw, height: th, rgb, alpha } = texture;
  const S = 3;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [u, v] = toUnit(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
          if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
          const tx = Math.min(tw - 1, Math.floor(u * tw));
          const ty = Math.min(th - 1, Math.floor(v * th));
          const ti = ty * tw + tx;
          const ta = alpha[ti];
          r += rgb[ti * 3] * ta;
          g += rgb[ti * 3 + 1] * ta;
          b += rgb[ti * 3 + 2] * ta;
          a += ta;
        }
      }
      if (a === 0) continue;
      const n = S * S;
      const i = (y * image.width + x) * 3;
      const share = a / n;
      image.data[i] = image.data[i] * (1 - share) + (r / n) * tint[0];
      image.data[i + 1] = image.data[i + 1] * (1 - share) + (g / n) * tint[1];
      image.data[i + 2] = image.data[i + 2] * (1 - share) + (b / n) * tint[2];
      if (coverage) coverage[y * image.width + x] = Math.min(1, coverage[y * image.width + x] + share);
    }
  }
}

/** Box blur with radius 1, `passes` times (about a Gaussian). */
export function blur(image, passes = 1) {
  const { width, height } = image;
  let src = image.data;
  for (let p = 0; p < passes; p++) {
    const out = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let k = 0; k < 3; k++) {
          let sum = 0;
          let n = 0;
          for (let dy = -1; dy <= 1; dy++) {
            const yy = y + dy;
            if (yy < 0 || yy >= height) continue;
            for (let dx = -1; dx <= 1; dx++) {
              const xx = x + dx;
              if (xx < 0 || xx >= width) continue;
              sum += src[(yy * width + xx) * 3 + k];
              n++;
            }
          }
          out[(y * width + x) * 3 + k] = sum / n;
        }
      }
    }
    src = out;
  }
  return { width, height, data: src };
}

/** Bilinear resize (for downscale-upscale degradation). */
export function resize(image, width, height) {
  const out = new Float32Array(width * height * 3);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), image.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, image.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), image.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, image.width - 1);
      const wx = fx - x0;
      for (let k = 0; k < 3; k++) {
        const v00 = image.data[(y0 * image.width + x0) * 3 + k];
        const v01 = image.data[(y0 * image.width + x1) * 3 + k];
        const v10 = image.data[(y1 * image.width + x0) * 3 + k];
        const v11 = image.data[(y1 * image.width + x1) * 3 + k];
        out[(y * width + x) * 3 + k] = (v00 * (1 - wx) + v01 * wx) * (1 - wy) + (v10 * (1 - wx) + v11 * wx) * wy;
      }
    }
  }
  return { width, height, data: out };
}
