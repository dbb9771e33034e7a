/**
 * Section 11 of metrics.md: CSAT and CES. (Sentiment lives in its own module.)
 */
import type { Figure } from '../../shared/domain/metrics-types';
import { figure, nullFigure } from './figure';

function validAnswers(name: string, answers: readonly (number | null)[], min: number, max: number): number[] {
  return answers.filter((answer, index): answer is number => {
    if (answer === null) return false;
    if (!Number.isInteger(answer) || answer < min || answer > max) {
      throw new RangeError(`${name} answer #${index + 1} (${answer}) must be a whole number ${min}..${max}`);
    }
    return true;
  });
}

/** CSAT = share of 4–5 answers on a 1–5 scale × 100; unanswered (null) answers are left out. */
export function csat(answers: readonly (number | null)[]): Figure {
  const valid = validAnswers('CSAT', answers, 1, 5);
  const satisfied = valid.filter((answer) => answer >= 4).length;
  const explanation = { formula: '100 × answers of 4 or 5 / answers', inputs: { satisfied, answers: valid.length }, rule: '1–5 scale; 4–5 satisfied' };
  return valid.length === 0
    ? nullFigure('score', 'no CSAT answers', explanation)
    : figure('score', (100 * satisfied) / valid.length, explanation);
}

/** CES = mean answer on a 1–7 scale. */
export function ces(answers: readonly (number | null)[]): Figure {
  const valid = validAnswers('CES', answers, 1, 7);
  const sum = valid.reduce((total, answer) => total + answer, 0);
  const explanation = { formula: 'mean of answers', inputs: { sum, answers: valid.length }, rule: '1–7 scale' };
  return valid.length === 0 ? nullFigure('score', 'no CES answers', explanation) : figure('score', sum / valid.length, explanation);
}
