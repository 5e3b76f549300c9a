package io.counterdesk.app.demo;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.UseType;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.BillRepository.NewBill;
import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffRepository;
import io.counterdesk.billing.TariffTier;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.persistence.Tx;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorRepository;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import io.counterdesk.shared.CreditCode;
import io.counterdesk.shared.Money;
import io.counterdesk.shared.ResidentId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The demo hall: one hall and terminal, five operators, tariffs, and a deterministic set of
 * accounts with realistic Chinese names and Hangzhou addresses, both meter kinds, residential and
 * non-residential, and post-paid bills of which some are unpaid. Account {@code i} is the same on
 * every machine, so the README and tests can name demo customers.
 */
public final class DemoData {

    public static final String HALL_CODE = "HZ01";
    public static final String TERMINAL_CODE = "HZ01-T01";
    /** The demo operators: 工号, name, role. Each password is "demo" + 工号 (e.g. demo1001). */
    public static final List<DemoOperator> OPERATORS = List.of(
            new DemoOperator("1001", "王伟", Role.CASHIER),
            new DemoOperator("1002", "李娜", Role.CASHIER),
            new DemoOperator("2001", "张敏", Role.MANAGER),
            new DemoOperator("3001", "赵强", Role.FIELD),
            new DemoOperator("9001", "陈静", Role.ADMIN));

    /**
     * The demo IC-card customers: each gets an IC-meter account and a card issued through the
     * counter's issue path ({@link #issueCards}), kept with its meter by {@link DemoCards}.
     */
    public static final List<NewAccount> CARD_ACCOUNTS = List.of(
            cardAccount("3390000001", AccountKind.RESIDENTIAL, null, "8390000001",
                    new Address("西湖区", "文三路", "幸福小区", "3", "2", "501"),
                    new Holder("王建国", IdType.RESIDENT_ID, "11010519491231002X", "13812345678")),
            cardAccount("3390000002", AccountKind.RESIDENTIAL, null, "8390000002",
                    new Address("拱墅区", "湖墅南路", "和睦新村", "12", "1", "302"),
                    new Holder("李秀英", IdType.RESIDENT_ID, withCheckDigit("33010519680315002"), "13905717788")),
            cardAccount("3390000003", AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN, "8390000003",
                    new Address("上城区", "解放路", "湖滨商圈", "8", "", "101"),
                    new Holder("杭州知味餐饮有限公司", IdType.CREDIT_CODE, withCheckChar("91330100MA2H3K4L5"), "13588776655")));

    private static final int BATCH = 2_000;
    private static final long SEED = 20_261_122L;

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
            + "覃武戴莫孔向汤").split("");
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方"};
    private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文辉红梅鹏飞斌宇浩凯欣怡婷"
            + "雪琳晨阳佳俊思雨子轩博涵嘉瑞鑫宁海林志春燕丹金荣萍晓云龙新永亮健彬成峰帅旭东慧颖倩宏光德彤琪璐昊然诗萱泽楠立波")
            .split("");
    private static final String[][] DISTRICTS = {
            {"上城区", "330102", "解放路", "庆春路", "望江路", "秋涛路", "凤起路"},
            {"拱墅区", "330105", "湖墅南路", "莫干山路", "上塘路", "丽水路", "大关路"},
            {"西湖区", "330106", "文三路", "文二路", "教工路", "古墩路", "天目山路"},
            {"滨江区", "330108", "江南大道", "滨盛路", "江陵路", "长河路", "西兴路"},
            {"萧山区", "330109", "市心中路", "人民路", "金城路", "通惠路", "育才路"},
            {"余杭区", "330110", "文一西路", "五常大道", "良睦路", "荆长路", "余杭塘路"}};
    private static final String[] COMMUNITY_HEADS = {"幸福", "阳光", "金色", "翠苑", "嘉绿", "桂花", "和睦", "紫荆", "星洲",
        "望江", "锦绣", "丽景", "湖滨", "朝晖", "德胜", "采荷", "景芳", "濮家", "申花", "三墩", "蒋村", "西溪", "闻涛", "东方",
        "春江", "绿城", "金都", "广厦", "浙大", "南都"};
    private static final String[] COMMUNITY_TAILS = {"小区", "花园", "家园", "新村", "公寓", "苑", "府", "名邸"};
    private static final String[] BUSINESS_WORDS = {"知味", "楼外楼", "新丰", "外婆家", "绿茶", "弄堂里", "江南", "钱塘",
        "西子", "湖畔", "运河", "老杭州"};

    private final PasswordHasher hasher;

    public DemoData(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * Registers the demo hall and terminal and fills everything in one transaction — an interrupted
     * first start leaves an empty database, which the next start fills again; returns the terminal.
     */
    public TerminalIdentity load(Database database, int accountCount) {
        if (accountCount < 0) {
            throw new io.counterdesk.shared.BusinessException("app.demo.accountsNegative", accountCount);
        }
        LocalDate today = LocalDate.now(database.clock());
        return database.inTransaction(tx -> {
            TerminalIdentity t = new TerminalRepository().register(tx, HALL_CODE, "杭州城西营业厅",
                    "杭州市西湖区文三路 100 号", "96777", TERMINAL_CODE, "1 号窗口");
            Journal journal = new Journal(t.terminalCode());
            AuthService auth = new AuthService(database, journal, hasher);
            Map<String, Operator> created = new java.util.LinkedHashMap<>();
            for (DemoOperator op : OPERATORS) {
                created.put(op.staffNo(), auth.insertOperator(tx, "system", op.staffNo(), op.name(), op.role(),
                        op.password().toCharArray(), false));
            }
            registerReceiptStock(tx, new ReceiptStockService(database, journal, new ApprovalRecorder(journal)), created);
            TariffRepository tariffs = new TariffRepository();
            for (Tariff tariff : tariffs(database.clock().instant().atZone(database.clock().getZone()).toLocalDate())) {
                tariffs.insert(tx, tariff);
            }
            for (int start = 0; start < accountCount; start += BATCH) {
                insertAccounts(tx, start, Math.min(accountCount, start + BATCH), today);
            }
            new AccountRepository().insertAll(tx, CARD_ACCOUNTS);
            journal.append(tx, "system", "DEMO_DATA_LOADED", HALL_CODE,
                    Map.of("accounts", accountCount, "operators", OPERATORS.size()));
            return t;
        });
    }

    /**
     * Issues the first card of each demo IC-card customer ({@link #CARD_ACCOUNTS}) that has none
     * yet, as a counter does it: a blank card into the simulated reader,
     * {@link CardIssueService#issueFirst} by the demo cashier 1001, and the card kept with a meter
     * for it. Nothing happens for a database without the demo customers or once they have cards.
     */
    public static void issueCards(Database database, AuthService auth, CardIssueService issuing, CardAccess reader,
                                  DemoCards demo) {
        AccountRepository accounts = new AccountRepository();
        List<NewAccount> without = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (NewAccount account : CARD_ACCOUNTS) {
            Optional<io.counterdesk.account.Account> found = database.read(tx ->
                    accounts.findByAccountNo(tx, account.accountNo()));
            if (found.isPresent() && found.get().cardSerial() == null) {
                without.add(account);
                ids.put(account.accountNo(), found.get().id());
            }
        }
        DemoOperator first = OPERATORS.get(0);
        boolean present = database.read(tx -> new OperatorRepository().findByStaffNo(tx, first.staffNo())).isPresent();
        if (without.isEmpty() || !present) {
            return;
        }
        // the demo cashier logs in like anyone else: services accept only a live session (ADR 0013)
        Operator cashier = auth.login(first.staffNo(), first.password().toCharArray());
        try {
            for (NewAccount account : without) {
                VirtualCard blank = demo.insertBlank();
                issuing.issueFirst(cashier, reader, ids.get(account.accountNo()));
                demo.keep(account.accountNo(), account.holder().name(), account.meterNo(), blank);
            }
        } finally {
            auth.logout(cashier);
        }
        demo.takeOut();
    }

    private static String withCheckDigit(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    private static String withCheckChar(String first17) {
        return first17 + CreditCode.checkChar(first17);
    }

    private static NewAccount cardAccount(String accountNo, AccountKind kind, UseType useType, String meterNo,
                                          Address address, Holder holder) {
        return new NewAccount(accountNo, kind, useType, MeterKind.IC, meterNo, null, address, holder,
                LocalDate.of(2020, 1, 1));
    }

    /**
     * Each demo operator who works at the counter gets receipt and check-slip numbers, registered by
     * the demo manager: operator {@code n} of the list holds n×10000+1 … n×10000+5000 of each kind.
     */
    private static void registerReceiptStock(Tx tx, ReceiptStockService stock, Map<String, Operator> operators) {
        Operator manager = operators.get("2001");
        int n = 1;
        for (DemoOperator op : OPERATORS) {
            if (op.role() != Role.ADMIN) {
                for (ReceiptKind kind : List.of(ReceiptKind.RECEIPT, ReceiptKind.CHECK_SLIP)) {
                    stock.registerIn(tx, manager, op.staffNo(), kind, n * 10_000L + 1, n * 10_000L + 5_000);
                }
            }
            n++;
        }
    }

    /** Inserts demo accounts {@code from} … {@code from+count-1} with their bills, in batches. */
    public static void loadAccounts(Database database, int from, int count, LocalDate today) {
        for (int start = from; start < from + count; start += BATCH) {
            int end = Math.min(from + count, start + BATCH);
            int first = start;
            database.inTransaction(tx -> {
                insertAccounts(tx, first, end, today);
                return null;
            });
        }
    }

    /** Demo accounts {@code from} … {@code to-1} and their bills, inside the caller's transaction. */
    private static void insertAccounts(Tx tx, int from, int to, LocalDate today) {
        List<NewAccount> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(account(i, today));
        }
        List<Long> ids = new AccountRepository().insertAll(tx, batch);
        List<NewBill> newBills = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            if (batch.get(k).meterKind() == MeterKind.ORDINARY) {
                newBills.addAll(bills(ids.get(k), batch.get(k), today));
            }
        }
        new BillRepository().insertAll(tx, newBills);
    }

    /** Demo account number {@code index}: "33" and eight digits, from 3300000001. */
    public static String accountNo(int index) {
        return String.format("33%08d", index + 1);
    }

    /** The demo account with this index; the same on every machine. */
    public static NewAccount account(int index, LocalDate today) {
        SplittableRandom r = new SplittableRandom(SEED * 1_000_003L + index);
        String[] district = DISTRICTS[r.nextInt(DISTRICTS.length)];
        String street = district[2 + r.nextInt(5)];
        String community = COMMUNITY_HEADS[r.nextInt(COMMUNITY_HEADS.length)]
                + COMMUNITY_TAILS[r.nextInt(COMMUNITY_TAILS.length)];
        boolean residential = r.nextInt(100) >= 5;
        boolean ic = r.nextInt(100) < 40;
        String building = Integer.toString(1 + r.nextInt(30));
        String unit = Integer.toString(1 + r.nextInt(4));
        String room = Integer.toString(1 + r.nextInt(18)) + String.format("%02d", 1 + r.nextInt(4));
        String phone = mobile(r);
        Holder holder;
        UseType useType = null;
        if (residential) {
            holder = new Holder(personName(r), IdType.RESIDENT_ID, residentId(r, district[1]), phone);
        } else {
            useType = UseType.values()[r.nextInt(UseType.values().length)];
            holder = new Holder(businessName(r, useType), IdType.CREDIT_CODE, creditCode(r), phone);
            unit = "";
            room = Integer.toString(1 + r.nextInt(3)) + "0" + (1 + r.nextInt(9));
        }
        LocalDate opened = today.minusDays(60 + r.nextInt(3_650));
        String meterNo = String.format("8%09d", index + 1);
        String cardSerial = ic ? String.format("C%08d", index + 1) : null;
        return new NewAccount(accountNo(index), residential ? AccountKind.RESIDENTIAL : AccountKind.NON_RESIDENTIAL,
                useType, ic ? MeterKind.IC : MeterKind.ORDINARY, meterNo, cardSerial,
                new Address(district[0], street, community, building, unit, room), holder, opened);
    }

    /** The last three months' bills of a post-paid account; about one account in eight owes money. */
    static List<NewBill> bills(long accountId, NewAccount account, LocalDate today) {
        SplittableRandom r = new SplittableRandom(SEED ^ (accountId * 7_919L));
        boolean residential = account.kind() == AccountKind.RESIDENTIAL;
        long pricePerM3 = residential ? 290 : 380;
        long reading = 100 + r.nextInt(5_000);
        int unpaidMonths = r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0;
        List<NewBill> out = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int back = 3; back >= 1; back--) {
            YearMonth period = current.minusMonths(back);
            long volume = residential ? 8 + r.nextInt(35) : 150 + r.nextInt(900);
            Money amount = Money.ofFen(volume * pricePerM3);
            boolean unpaid = back <= unpaidMonths;
            out.add(new NewBill(accountId, period, reading, reading + volume, volume, amount, period.atEndOfMonth(),
                    unpaid ? Money.ZERO : amount));
            reading += volume;
        }
        return out;
    }

    static List<Tariff> tariffs(LocalDate today) {
        LocalDate thisYear = LocalDate.of(today.getYear(), 1, 1);
        LocalDate lastYear = thisYear.minusYears(1);
        List<Tariff> list = new ArrayList<>();
        for (LocalDate from : List.of(lastYear, thisYear)) {
            long bump = from.equals(thisYear) ? 10 : 0;
            list.add(new Tariff(0, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null, from, List.of(
                    new TariffTier(1, 400L, Money.ofFen(280 + bump)),
                    new TariffTier(2, 1_200L, Money.ofFen(336 + bump)),
                    new TariffTier(3, null, Money.ofFen(420 + bump)))));
            list.add(new Tariff(0, "NR-CK", "非居民·厨房用气（营业）", AccountKind.NON_RESIDENTIAL,
                    UseType.COMMERCIAL_KITCHEN, from, List.of(new TariffTier(1, null, Money.ofFen(370 + bump)))));
            list.add(new Tariff(0, "NR-NK", "非居民·厨房用气（非营业）", AccountKind.NON_RESIDENTIAL,
                    UseType.NON_COMMERCIAL_KITCHEN, from, List.of(new TariffTier(1, null, Money.ofFen(350 + bump)))));
            list.add(new Tariff(0, "NR-BL", "非居民·锅炉用气", AccountKind.NON_RESIDENTIAL,
                    UseType.BOILER, from, List.of(new TariffTier(1, null, Money.ofFen(330 + bump)))));
        }
        return list;
    }

    private static String personName(SplittableRandom r) {
        String surname = r.nextInt(200) == 0 ? COMPOUND_SURNAMES[r.nextInt(COMPOUND_SURNAMES.length)]
                : SURNAMES[r.nextInt(SURNAMES.length)];
        String given = GIVEN[r.nextInt(GIVEN.length)];
        if (r.nextInt(100) < 70) {
            given += GIVEN[r.nextInt(GIVEN.length)];
        }
        return surname + given;
    }

    private static String businessName(SplittableRandom r, UseType useType) {
        String word = BUSINESS_WORDS[r.nextInt(BUSINESS_WORDS.length)];
        return switch (useType) {
            case COMMERCIAL_KITCHEN -> "杭州" + word + "餐饮有限公司";
            case NON_COMMERCIAL_KITCHEN -> "杭州市" + word + (r.nextBoolean() ? "小学" : "街道办事处") + "食堂";
            case BOILER -> "杭州" + word + (r.nextBoolean() ? "大酒店" : "洗浴中心");
        };
    }

    private static String mobile(SplittableRandom r) {
        String[] prefixes = {"130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158",
            "159", "177", "180", "181", "186", "187", "188", "189", "198"};
        return prefixes[r.nextInt(prefixes.length)] + String.format("%08d", r.nextInt(100_000_000));
    }

    private static String residentId(SplittableRandom r, String region) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(365 * 60));
        String first17 = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", r.nextInt(1_000));
        return first17 + ResidentId.checkDigit(first17);
    }

    private static String creditCode(SplittableRandom r) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder("91330100");
        for (int i = 0; i < 9; i++) {
            org.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return org + String.valueOf(CreditCode.checkChar(org.toString()));
    }

    /** A demo operator and its documented password. */
    public record DemoOperator(String staffNo, String name, Role role) {
        public String password() {
            return "demo" + staffNo;
        }
    }
}
