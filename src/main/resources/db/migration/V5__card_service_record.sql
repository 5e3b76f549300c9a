-- The printed record of a card service (补卡 / 补气 / 转移卡, DESIGN 2.5): what was done, by whom,
-- with whose approval, and whether the record has come out of the printer (print_count, printed_at).
CREATE TABLE card_service_record (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    business             VARCHAR(20)  NOT NULL,
    account_id           BIGINT       NOT NULL REFERENCES account(id),
    account_no           VARCHAR(20)  NOT NULL,
    holder_masked        VARCHAR(60)  NOT NULL,
    old_serial           VARCHAR(20),
    new_serial           VARCHAR(20),
    old_meter_no         VARCHAR(30),
    new_meter_no         VARCHAR(30),
    volume_m3            BIGINT       NOT NULL,
    write_id             BIGINT       REFERENCES gas_purchase(id),
    checked_by           VARCHAR(50),
    checked_on           DATE,
    meter_purchase_count INT,
    meter_loaded_m3      BIGINT,
    remaining_centi_m3   BIGINT,
    reason               VARCHAR(500) NOT NULL,
    operator_staff_no    VARCHAR(16)  NOT NULL,
    approver_staff_no    VARCHAR(16),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    print_count          INT          NOT NULL DEFAULT 0,
    printed_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX card_service_record_account ON card_service_record(account_id);
