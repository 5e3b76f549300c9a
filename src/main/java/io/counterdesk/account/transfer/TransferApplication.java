package io.counterdesk.account.transfer;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.Person;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ownership transfer (过户, DESIGN 2.3, 第十条(一)3) as applied for: the new holder, who acts for
 * them, and the documents ticked. A household goes to a person, a non-residential account to an
 * organisation with its unified social credit code.
 */
public record TransferApplication(Holder newHolder, Person proxy, Set<Document> ticked) {

    public TransferApplication {
        Objects.requireNonNull(newHolder);
        ticked = ticked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ticked));
    }

    /**
     * What a transfer needs (第十条(一)3): the installation fee invoice, the property certificate or
     * sales contract, and the new holder's ID (an organisation: its business licence and legal
     * representative's ID); the proxy's ID when someone acts for the new holder.
     */
    public static Set<Document> required(AccountKind kind, boolean proxy) {
        Set<Document> docs = EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF);
        if (kind == AccountKind.RESIDENTIAL) {
            docs.add(Document.HOLDER_ID);
        } else {
            docs.add(Document.BUSINESS_LICENCE);
            docs.add(Document.LEGAL_REP_ID);
        }
        if (proxy) {
            docs.add(Document.PROXY_ID);
        }
        return docs;
    }

    /** Refuses a new holder of the wrong sort or documents not all ticked. */
    public void check(AccountKind kind) {
        if (kind == AccountKind.RESIDENTIAL && newHolder.idType() == IdType.CREDIT_CODE) {
            throw new BusinessException("opening.residential.person");
        }
        if (kind == AccountKind.NON_RESIDENTIAL && newHolder.idType() != IdType.CREDIT_CODE) {
            throw new BusinessException("opening.business.creditCode");
        }
        Set<Document> missing = EnumSet.noneOf(Document.class);
        missing.addAll(required(kind, proxy != null));
        missing.removeAll(ticked);
        if (!missing.isEmpty()) {
            throw new BusinessException("opening.transfer.documents.missing", missing.stream()
                    .map(d -> I18n.text("opening.document." + d.name()))
                    .collect(Collectors.joining(I18n.text("opening.listSeparator"))));
        }
    }
}
