package io.counterdesk.shared;

/**
 * Writes an amount in Chinese capitals (中文大写金额) as required on receipts and bills by the
 * People's Bank of China rules for filling in bills (《支付结算办法》附件一「正确填写票据和结算凭证的基本规定」).
 *
 * <p>Conventions, where the rules leave a choice, fixed once here:
 * <ul>
 *   <li><b>整</b> is written only after 元, when there are neither 角 nor 分 ({@code 30.00 → 叁拾元整});
 *       it is never written after 角 ({@code 1005.50 → 壹仟零伍元伍角}) nor after 分. The rules require
 *       整 after 元 and make it optional after 角.</li>
 *   <li>Inside the yuan amount one 零 stands for a run of zeros, and trailing zeros of a group are
 *       not written ({@code 1010 → 壹仟零壹拾元整}, {@code 100010 → 壹拾万零壹拾元整},
 *       {@code 100000001 → 壹亿零壹元整}).</li>
 *   <li>Between 元 and the 角/分 a single 零 is written when the 元 digit is 0 or 角 is 0
 *       ({@code 1.05 → 壹元零伍分}, {@code 20000.08 → 贰万元零捌分}, {@code 3000000.30 → 叁佰万元零叁角});
 *       the rules require it in the second case and allow it in the first.</li>
 *   <li>Amounts under one yuan start at 角 or 分 ({@code 0.07 → 柒分}, {@code 0.50 → 伍角}); zero is
 *       {@code 零元整}.</li>
 *   <li>10 to 19 are written with 壹拾, as banks do on bills ({@code 10 → 壹拾元整}).</li>
 *   <li>A negative amount (a refund or a reversal) starts with 负.</li>
 *   <li>The currency prefix 人民币 is not included; a receipt layout prints it as a label.</li>
 * </ul>
 */
public final class ChineseAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] UNITS_IN_GROUP = {"", "拾", "佰", "仟"};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseAmount() {
    }

    /** The amount in Chinese capitals, e.g. {@code ¥1,005.50 → 壹仟零伍元伍角}. */
    public static String of(Money amount) {
        long fen = amount.fen();
        if (fen == 0) {
            return "零元整";
        }
        // Split before taking absolute values, so that Long.MIN_VALUE fen is handled too.
        long yuan = Math.abs(fen / 100);
        int jiao = (int) Math.abs(fen % 100 / 10);
        int fenDigit = (int) Math.abs(fen % 10);

        StringBuilder text = new StringBuilder(32);
        if (fen < 0) {
            text.append('负');
        }
        if (yuan > 0) {
            appendYuan(text, yuan);
            text.append('元');
            if (jiao == 0 && fenDigit == 0) {
                return text.append('整').toString();
            }
            if (yuan % 10 == 0 || jiao == 0) {
                text.append('零');
            }
        }
        if (jiao > 0) {
            text.append(DIGITS[jiao]).append('角');
        }
        if (fenDigit > 0) {
            text.append(DIGITS[fenDigit]).append('分');
        }
        return text.toString();
    }

    /** A positive whole number: ...亿, then the part below 亿 (preceded by 零 if it lacks 仟万). */
    private static void appendYuan(StringBuilder text, long yuan) {
        if (yuan >= YI) {
            appendYuan(text, yuan / YI);
            text.append('亿');
            long rest = yuan % YI;
            if (rest > 0) {
                if (rest < YI / 10) {
                    text.append('零');
                }
                appendBelowYi(text, rest);
            }
        } else {
            appendBelowYi(text, yuan);
        }
    }

    private static void appendBelowYi(StringBuilder text, long yuan) {
        int wanGroup = (int) (yuan / WAN);
        int unitGroup = (int) (yuan % WAN);
        if (wanGroup > 0) {
            appendGroup(text, wanGroup);
            text.append('万');
            if (unitGroup > 0 && unitGroup < 1000) {
                text.append('零');
            }
        }
        if (unitGroup > 0) {
            appendGroup(text, unitGroup);
        }
    }

    /** 1 to 9999: 仟佰拾 and units, one 零 for inner zeros, nothing for trailing zeros. */
    private static void appendGroup(StringBuilder text, int group) {
        boolean started = false;
        boolean zeroPending = false;
        int divisor = 1000;
        for (int position = 3; position >= 0; position--, divisor /= 10) {
            int digit = group / divisor % 10;
            if (digit == 0) {
                zeroPending = started;
                continue;
            }
            if (zeroPending) {
                text.append('零');
                zeroPending = false;
            }
            text.append(DIGITS[digit]).append(UNITS_IN_GROUP[position]);
            started = true;
        }
    }
}
