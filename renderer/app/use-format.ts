import { useMemo } from 'react';
import { formatMoney } from '../../shared/domain/money';
import { formatDate } from '../../shared/domain/dates';
import { useWorkspace } from './workspace-context';

export interface Formatters {
  money(minor: number | null | undefined, opts?: { compact?: boolean }): string;
  date(iso: string | null | undefined): string;
  number(value: number): string;
  currency: string;
  locale: string;
}

/** Money and dates always in the workspace's currency and locale, never the browser's. */
export function useFormat(): Formatters {
  const { currency, locale } = useWorkspace();
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      money: (minor, opts) => formatMoney(minor, currency, locale, opts),
      date: (iso) => formatDate(iso, locale),
      number: (value) => numberFormat.format(value),
      currency,
      locale,
    };
  }, [currency, locale]);
}
