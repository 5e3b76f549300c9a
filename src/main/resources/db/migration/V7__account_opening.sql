-- Account opening (开户/报装, DESIGN 2.2) and the counter's service-time clock (第三条).
-- The fees, rates, deposit and promised times are settings (setting table, see
-- account/opening/OpeningTariff and servicetime/ServicePromises); the code holds the defaults.

-- One row per opening: what was applied for, what it cost, which documents were seen, and how often
-- its business confirmation (业务回执) came out of the printer.
CREATE TABLE account_opening (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT       NOT NULL UNIQUE REFERENCES account(id),
    building_type     VARCHAR(20),
    fee_invoice_no    VARCHAR(40),
    unit_nature       VARCHAR(20),
    appliance_kw      DECIMAL(12, 3),
    licence_code      VARCHAR(18),
    legal_rep_name    VARCHAR(100),
    legal_rep_id      VARCHAR(30),
    proxy_name        VARCHAR(100),
    proxy_id          VARCHAR(30),
    fee_fen           BIGINT       NOT NULL,
    deposit_fen       BIGINT       NOT NULL,
    documents         VARCHAR(400) NOT NULL,
    payment_id        BIGINT       REFERENCES payment(id),
    opened_by         BIGINT       NOT NULL REFERENCES operator(id),
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    print_count       INT          NOT NULL DEFAULT 0,
    printed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT opening_fees CHECK (fee_fen >= 0 AND deposit_fen >= 0),
    CONSTRAINT opening_building CHECK (building_type IS NULL OR building_type IN ('MULTI_STOREY', 'HIGH_RISE', 'VILLA'))
);

-- A residential installation fee invoice paid collectively (统一缴纳报装费) opens one account, ever.
CREATE TABLE opening_fee_invoice (
    invoice_no  VARCHAR(40)  PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account(id),
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bank auto-debit (银行代扣) of a post-paid account: at most one active enrolment per account.
CREATE TABLE bank_debit (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES account(id),
    bank_code     VARCHAR(10)  NOT NULL,
    bank_account  VARCHAR(32)  NOT NULL,
    account_name  VARCHAR(100) NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    enrolled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_by   BIGINT       NOT NULL REFERENCES operator(id),
    ended_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bank_debit_status CHECK (status IN ('ACTIVE', 'CANCELLED'))
);
CREATE INDEX bank_debit_account ON bank_debit(account_id, status);

-- Every finished counter business, timed from the moment the cashier started it to its receipt,
-- with the promise it was measured against (for the daily report).
CREATE TABLE service_time (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    operator_id       BIGINT       NOT NULL REFERENCES operator(id),
    business          VARCHAR(20)  NOT NULL,
    subject           VARCHAR(100) NOT NULL,
    business_day      DATE         NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    promised_seconds  INT          NOT NULL,
    CONSTRAINT service_time_order CHECK (ended_at >= started_at)
);
CREATE INDEX service_time_day ON service_time(business_day, operator_id);
