import type { RuleId, Verdict } from '../rules/rule';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** What to do about a failed rule, one line each. */
const FIX_FOR_FAIL: Partial<Record<string, Bilingual>> = {
  'posture.upright': { zh: '请坐直，头部抬起，双肩放松。', en: 'Sit up straight: lift your head and relax your shoulders.' },
  'posture.no_lying_on_counter': { zh: '请不要趴在柜台上，手臂可以放在台面上。', en: 'Do not lie on the counter: resting your arms on it is fine.' },
  'posture.shoulders_level': { zh: '请保持双肩平直。', en: 'Keep both shoulders level.' },
  'posture.no_arms_crossed': { zh: '请不要双手交叉抱在胸前。', en: 'Uncross your arms.' },
  'posture.no_chin_resting': { zh: '请不要托腮。', en: 'Take your hand away from your chin.' },
  'dress.no_sunglasses': { zh: '请摘下墨镜或有色眼镜。', en: 'Take off the sunglasses or tinted glasses.' },
  'dress.badge_visible': {
    zh: '胸前未发现工牌：请将工牌佩戴在左胸口袋中央。',
    en: 'Your badge was not found on the chest: wear it at the centre of the left chest pocket.',
  },
  'dress.no_hat': { zh: '请摘下帽子。', en: 'Take off the hat or cap.' },
  'grooming.hair_color_natural': { zh: '发色应自然，不染艳丽颜色。', en: 'Hair should be a natural colour.' },
  'grooming.bangs_above_brows': { zh: '刘海应在眉毛以上。', en: 'Keep your bangs above the eyebrows.' },
  'counter.no_personal_items': {
    zh: '请将皮包、食物和饮料从台面上收走。',
    en: 'Put bags, food and drinks away from the counter.',
  },
};

/** Why a rule could not be judged, in words a person can act on. */
function unknownExplanation(reason: string | undefined): Bilingual {
  const text = (reason ?? '').toLowerCase();
  if (text.includes('counter line')) return { zh: '未设置柜台线：请在“校准”中设置柜台线。', en: 'The counter line is not set: set it under Calibration.' };
  if (text.includes('objects not checked')) return { zh: '未能检查台面物品：请再检查一次。', en: 'The counter could not be checked for items: check again.' };
  if (text.includes('no person')) return { zh: '画面中没有人：请坐到摄像头前。', en: 'Nobody was in view: sit in front of the camera.' };
  if (text.includes('shoulder')) return { zh: '肩膀不在画面中：请坐远一点或调整摄像头。', en: 'Your shoulders were out of frame: sit a little further back or tilt the camera.' };
  if (text.includes('face') || text.includes('eye')) return { zh: '看不清脸部：请面向摄像头，注意光线。', en: 'Your face was not clear: face the camera in good light.' };
  if (text.includes('dark') || text.includes('light')) return { zh: '光线太暗或逆光：请调整照明。', en: 'The light was too poor: turn on a light or avoid a bright window behind you.' };
  if (text.includes('arm') || text.includes('turn')) return { zh: '身体被遮挡或侧身：请正对摄像头。', en: 'Your body was turned or covered by an arm: face the camera with arms down.' };
  return { zh: '未能判断：请正对摄像头坐好后再检查一次。', en: `Could not be judged (${reason ?? 'not measured'}): face the camera and check again.` };
}

/** The one-line fix for a failed verdict, or the explanation of an unknown one; null for pass and off. */
export function fixHint(ruleId: RuleId | string, verdict: Pick<Verdict, 'status' | 'evidence'>): Bilingual | null {
  if (verdict.status === 'fail') return FIX_FOR_FAIL[ruleId] ?? { zh: '请纠正后再检查一次。', en: 'Correct this and check again.' };
  if (verdict.status === 'unknown') return unknownExplanation(verdict.evidence.reason);
  return null;
}
