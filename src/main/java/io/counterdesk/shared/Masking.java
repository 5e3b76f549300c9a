package io.counterdesk.shared;

import java.util.Set;

/**
 * Masks personal data for screens that don't need it and for every receipt (DESIGN 2.1).
 * Each method accepts what is stored, valid or not, and never throws for bad data: a receipt must
 * still print for an account whose data predates validation. {@code null} gives an empty string.
 */
public final class Masking {

    /** Two-character surnames (复姓) kept whole, so 欧阳娜娜 shows as 欧阳** rather than 欧***. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
            "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门",
            "呼延", "钟离", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠", "百里", "东郭",
            "闻人", "赫连", "拓跋", "万俟", "第五", "左丘", "梁丘", "鲜于", "闾丘", "亓官");

    private Masking() {
    }

    /**
     * The surname and one star per remaining character: 王伟 → 王*, 张晓明 → 张**, 欧阳娜娜 → 欧阳**.
     * A common two-character surname is kept whole when the name has at least three characters;
     * a one-character name is shown as it is.
     */
    public static String name(String name) {
        if (name == null) {
            return "";
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length <= 1) {
            return stripped;
        }
        int kept = length >= 3 && startsWithCompoundSurname(stripped) ? 2 : 1;
        return stripped.substring(0, stripped.offsetByCodePoints(0, kept)) + "*".repeat(length - kept);
    }

    /**
     * A mobile number as 138****5678; a landline keeps its area code, extension and the last four
     * digits of the local number (0571-****4321). Anything else is masked by the generic rule of
     * {@link #idNumber(String)}.
     */
    public static String phone(String number) {
        if (number == null) {
            return "";
        }
        if (!PhoneNumber.isValid(number)) {
            return generic(number.strip());
        }
        String canonical = PhoneNumber.normalise(number);
        if (PhoneNumber.kind(number) == PhoneNumber.Kind.MOBILE) {
            return canonical.substring(0, 3) + "****" + canonical.substring(7);
        }
        String[] parts = canonical.split("-");
        String local = parts[1];
        String masked = parts[0] + "-" + "*".repeat(local.length() - 4) + local.substring(local.length() - 4);
        return parts.length > 2 ? masked + "-" + parts[2] : masked;
    }

    /**
     * An 18-character resident ID as {@link ResidentId#masked(String)} shows it (3301**********1234).
     * Other documents (passports, permits, old 15-digit IDs) keep a quarter of their characters at
     * each end, rounded down, and mask the rest: E12345678 → E1*****78; three characters or fewer
     * are masked entirely.
     */
    public static String idNumber(String id) {
        if (id == null) {
            return "";
        }
        String normalised = ResidentId.normalise(id);
        if (normalised.length() == 18) {
            return ResidentId.masked(normalised);
        }
        return generic(normalised);
    }

    private static boolean startsWithCompoundSurname(String name) {
        return name.length() >= 2 && COMPOUND_SURNAMES.contains(name.substring(0, 2));
    }

    /** Keeps length/4 characters at each end, stars between; 18 characters give 4 + 10 + 4. */
    private static String generic(String text) {
        int length = text.codePointCount(0, text.length());
        int kept = length / 4;
        int headEnd = text.offsetByCodePoints(0, kept);
        int tailStart = text.offsetByCodePoints(0, length - kept);
        return text.substring(0, headEnd) + "*".repeat(length - 2 * kept) + text.substring(tailStart);
    }
}
