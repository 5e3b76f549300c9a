package io.counterdesk.account.opening;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.UseType;
import io.counterdesk.shared.BusinessException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the customer applies for at the counter (开户/报装, DESIGN 2.2), as checked before anything is
 * written: who (a person for a residential account, an organisation with its unified social credit
 * code for a non-residential one), where, which meter, how the fee is settled, who acts for the
 * holder, the auto-debit, and the documents the cashier has ticked.
 *
 * <p>Residential: either a building type (the fee is paid now) or the number of a fee invoice paid
 * collectively. Non-residential: the purpose and the unit's nature (which decide the use type), the
 * appliance power in kW, and the legal representative.
 *
 * @param residential the residential part, null for a non-residential account
 * @param business    the non-residential part, null for a residential account
 * @param proxy       who acts for the holder (受托人), if someone does
 * @param bankDebit   the auto-debit to enrol, if chosen
 */
public record OpeningApplication(Holder holder, Address address, MeterKind meterKind, String meterNo,
                                 Residential residential, NonResidential business, Person proxy, BankDebit bankDebit,
                                 Set<Document> ticked) {

    /** A residential household: the building type, or the invoice of a fee paid collectively. */
    public record Residential(BuildingType buildingType, String feeInvoiceNo) {
        public Residential {
            feeInvoiceNo = feeInvoiceNo == null || feeInvoiceNo.isBlank() ? null : feeInvoiceNo.strip();
            if ((buildingType == null) == (feeInvoiceNo == null)) {
                throw new BusinessException("opening.residential.feeOrInvoice");
            }
            if (feeInvoiceNo != null && !feeInvoiceNo.matches("[0-9A-Za-z-]{4,40}")) {
                throw new BusinessException("opening.invoice.format");
            }
        }

        public static Residential paying(BuildingType type) {
            return new Residential(Objects.requireNonNull(type), null);
        }

        public static Residential paidCollectively(String invoiceNo) {
            return new Residential(null, invoiceNo);
        }

        public boolean paidCollectively() {
            return feeInvoiceNo != null;
        }
    }

    /** A non-residential customer: purpose, nature, appliance power (kW), legal representative. */
    public record NonResidential(GasPurpose purpose, UnitNature nature, BigDecimal applianceKw, Person legalRep) {
        public NonResidential {
            Objects.requireNonNull(purpose);
            Objects.requireNonNull(nature);
            Objects.requireNonNull(applianceKw);
            Objects.requireNonNull(legalRep, "legal representative");
            ApplianceKw.check(applianceKw);
        }

        public UseType useType() {
            return purpose.useType(nature);
        }
    }

    public OpeningApplication {
        Objects.requireNonNull(holder);
        Objects.requireNonNull(address);
        Objects.requireNonNull(meterKind);
        meterNo = meterNo == null ? "" : meterNo.strip();
        if (!meterNo.matches("[0-9A-Za-z-]{4,30}")) {
            throw new BusinessException("opening.meter.format");
        }
        if ((residential == null) == (business == null)) {
            throw new IllegalArgumentException("either residential or non-residential");
        }
        if (residential != null && holder.idType() == IdType.CREDIT_CODE) {
            throw new BusinessException("opening.residential.person");
        }
        if (business != null && holder.idType() != IdType.CREDIT_CODE) {
            throw new BusinessException("opening.business.creditCode");
        }
        ticked = ticked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ticked));
    }

    public AccountKind kind() {
        return residential != null ? AccountKind.RESIDENTIAL : AccountKind.NON_RESIDENTIAL;
    }

    /** Null for a residential account. */
    public UseType useType() {
        return business == null ? null : business.useType();
    }

    public Optional<Person> proxyOpt() {
        return Optional.ofNullable(proxy);
    }

    public Optional<BankDebit> bankDebitOpt() {
        return Optional.ofNullable(bankDebit);
    }
}
