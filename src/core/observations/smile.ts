/** Mean of the two mouth-corner smile blendshapes, 0..1; null when the face model gave none. */
export function smileScore(blendshapes: Readonly<Record<string, number>>): number | null {
  const left = blendshapes.mouthSmileLeft;
  const right = blendshapes.mouthSmileRight;
  if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
  return (left! + right!) / 2;
}
