/**
 * Builders for explained figures. They refuse NaN, Infinity and fractional money so that a
 * division by zero or a float slip fails loudly here instead of reaching a screen as a number.
 */
import type { Figure, FigureUnit, Provenance } from '../../shared/domain/metrics-types';

type Explanation = Omit<Provenance, 'nullReason'>;

export function figure(unit: FigureUnit, value: number, explanation: Explanation): Figure {
  if (!Number.isFinite(value)) {
    throw new RangeError(`figure "${explanation.formula}" is not finite (${value})`);
  }
  if (unit === 'minor-units' && !Number.isSafeInteger(value)) {
    throw new RangeError(`money figure "${explanation.formula}" must be whole minor units, got ${value}`);
  }
  return { value: value === 0 ? 0 : value, unit, ...explanation };
}

export function nullFigure(unit: FigureUnit, nullReason: string, explanation: Explanation): Figure {
  return { value: null, unit, ...explanation, nullReason };
}

/** numerator / denominator, or null (with the reason) when the denominator is zero. */
export function ratioFigure(
  numerator: number,
  denominator: number,
  nullReason: string,
  explanation: Explanation,
): Figure {
  return denominator === 0
    ? nullFigure('ratio', nullReason, explanation)
    : figure('ratio', numerator / denominator, explanation);
}
