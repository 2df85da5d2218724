import { svg, type SVGTemplateResult } from 'lit';
import {
  REFERENCE_BONES,
  type ReferenceJoint,
  type ReferencePointName,
  type TorsoPoints,
} from '../../core/reference-pose/reference-pose';

/** The landmark at which each joint's difference is marked. */
const JOINT_POINT: { readonly [K in ReferenceJoint]: ReferencePointName } = {
  neck: 'nose',
  headTilt: 'leftEar',
  trunk: 'leftHip',
  leftShoulder: 'leftShoulder',
  rightShoulder: 'rightShoulder',
  leftElbow: 'leftElbow',
  rightElbow: 'rightElbow',
};

/** The view box, in shoulder widths around the shoulder centre: room for raised arms and the hips. */
export const TORSO_VIEW_BOX = '-1.6 -1.9 3.2 3.8';

/**
 * A small front-view skeleton from torso points (shoulder widths, y down). Differing joints get a ring
 * as well as a colour, so colour is not the only sign. Mirrored like the video when asked.
 */
export function torsoSkeletonSvg(
  points: TorsoPoints,
  options: { readonly mirrored: boolean; readonly boneColor: string; readonly marked?: readonly ReferenceJoint[] },
): SVGTemplateResult {
  const bones = REFERENCE_BONES.flatMap(([from, to]) => {
    const a = points[from];
    const b = points[to];
    return a && b ? [svg`<line x1=${a.x} y1=${a.y} x2=${b.x} y2=${b.y}></line>`] : [];
  });
  const joints = Object.values(points).flatMap((point) => (point ? [svg`<circle cx=${point.x} cy=${point.y} r="0.07"></circle>`] : []));
  const marks = (options.marked ?? []).flatMap((joint) => {
    const point = points[JOINT_POINT[joint]];
    return point ? [svg`<circle class="mark" data-joint=${joint} cx=${point.x} cy=${point.y} r="0.22"></circle>`] : [];
  });
  return svg`<g transform=${options.mirrored ? 'scale(-1 1)' : ''}>
    <g stroke=${options.boneColor} stroke-width="0.09" stroke-linecap="round">${bones}</g>
    <g fill="#f8fafc">${joints}</g>
    <g fill="none" stroke="#f59e0b" stroke-width="0.06" stroke-dasharray="0.08 0.05">${marks}</g>
  </g>`;
}
