package io.counterdesk.printing;

import jpos.CashDrawerControl114;
import jpos.POSPrinterControl114;

/**
 * Where the generated "vendor" classes {@code jpos.POSPrinter} and {@code jpos.CashDrawer} (see
 * {@link VendorJars}) find the test service they hand every call to. Public because the generated
 * classes live in package {@code jpos}.
 */
public final class VendorJarHook {

    public static volatile POSPrinterControl114 printer;
    public static volatile CashDrawerControl114 drawer;

    private VendorJarHook() {
    }
}
