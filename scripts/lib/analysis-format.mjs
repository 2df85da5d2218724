// Turns the harness's FrameAnalysis into the CLI's JSON line and human summary.

const round = (value, digits) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
const landmarkRow = (point, withVisibility) => {
  const row = [round(point.x, 5), round(point.y, 5), round(point.z, 5)];
  return withVisibility ? [...row, round(point.visibility ?? 0, 4)] : row;
};

/** The documented one-object-a-line shape of `countercheck analyze --json`. */
export function toJsonRecord(file, frameIndex, analysis) {
  const { pose, face, observations } = analysis;
  const headPose = observations.headPose;
  return {
    file,
    frame: frameIndex,
    timeMs: round(analysis.timestampMs, 1),
    person: analysis.person,
    people: { choice: analysis.people.choice, count: analysis.people.count },
    pose: pose && {
      landmarks: pose.landmarks.map((p) => landmarkRow(p, true)),
      worldLandmarks: pose.worldLandmarks.map((p) => landmarkRow(p, true)),
    },
    face: face && {
      landmarks: face.landmarks.map((p) => landmarkRow(p, false)),
      blendshapes: Object.fromEntries(Object.entries(face.blendshapes).map(([name, score]) => [name, round(score, 4)])),
      headPoseDeg: headPose && { yaw: round(headPose.yaw, 2), pitch: round(headPose.pitch, 2), roll: round(headPose.roll, 2) },
    },
    rules: analysis.rules ?? {},
    timing: {
      poseMs: round(analysis.timing.poseMs, 1),
      faceMs: round(analysis.timing.faceMs, 1),
      totalMs: round(analysis.timing.totalMs, 1),
    },
  };
}

const degreesText = (value) => (value === null || value === undefined ? '–' : `${Math.round(value)}°`);

/** One readable line per photo or sampled frame. */
export function toSummaryLine(file, frameIndex, analysis, isVideo) {
  const where = isVideo ? `${file} @ ${(analysis.timestampMs / 1000).toFixed(1)}s` : file;
  const { choice, count } = analysis.people;
  if (!analysis.person) {
    const seen = count > 0 ? `${count} people seen, none at the calibrated position` : 'no person found';
    return `${where}: ${seen} (${Math.round(analysis.timing.totalMs)} ms)`;
  }
  const o = analysis.observations;
  const parts = [
    `trunk ${degreesText(o.trunkInclinationDeg)}`,
    `neck ${degreesText(o.neckFlexionDeg)}`,
    o.headPose
      ? `head yaw ${degreesText(o.headPose.yaw)} pitch ${degreesText(o.headPose.pitch)} roll ${degreesText(o.headPose.roll)}`
      : 'no face',
  ];
  if (o.smileScore !== null) parts.push(`smile ${o.smileScore.toFixed(2)}`);
  if (count > 1) parts.push(`judged the person ${choice === 'at-calibrated-position' ? 'at the calibrated position' : 'nearest the camera'} of ${count}`);
  const verdicts = Object.values(analysis.rules ?? {}).filter((v) => v.status !== 'off');
  if (verdicts.length) parts.push(verdicts.map((v) => `${v.ruleId.replace(/^\w+\./, '')} ${v.status}`).join(', '));
  return `${where}: ${parts.join(' · ')} (${Math.round(analysis.timing.totalMs)} ms)`;
}
