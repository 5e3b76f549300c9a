package io.counterdesk.account.opening;

/** The papers the cashier sees and ticks at an opening (第七条(二), 第十条(一)). */
public enum Document {
    /** 户主（委托人）身份证复印件. */
    HOLDER_ID,
    /** 房屋产权证或购房合同（原件或复印件）. */
    PROPERTY_PROOF,
    /** 报装费发票原件 (a fee paid collectively). */
    FEE_INVOICE,
    /** 受托人身份证复印件 (someone acts for the holder). */
    PROXY_ID,
    /** 银行卡及卡主身份证复印件 (auto-debit). */
    BANK_CARD,
    /** 工商营业执照复印件. */
    BUSINESS_LICENCE,
    /** 法人代表身份证复印件. */
    LEGAL_REP_ID,
    /** 用气申请书 (signed by the unit). */
    APPLICATION_FORM;

    /** As a row keeps them: the names in order, comma-separated. */
    public static String stored(java.util.Collection<Document> documents) {
        return documents.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    /** Read back from {@link #stored}. */
    public static java.util.List<Document> fromStored(String stored) {
        return stored.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(stored.split(",")).map(Document::valueOf).toList();
    }
}
