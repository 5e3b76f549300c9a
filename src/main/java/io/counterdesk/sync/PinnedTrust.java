package io.counterdesk.sync;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The terminal's trust for head office's TLS (ADR 0023): exactly the certificates the enrolment file
 * delivered, never the system's trust store. A server certificate equal to a pinned one is head office
 * (the pin is the identity, so no host name check); otherwise the pinned certificates serve as the
 * only CAs (PKIX with the host name checked), so head office may also run with a certificate of its
 * own CA. Anything else is refused with {@link NotPinned}.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    /** Head office showed a certificate the enrolment did not pin. */
    public static final class NotPinned extends CertificateException {
        private final String fingerprint;

        NotPinned(String fingerprint, Throwable cause) {
            super("head office's certificate " + fingerprint + " is not the one pinned at enrolment", cause);
            this.fingerprint = fingerprint;
        }

        public String fingerprint() {
            return fingerprint;
        }
    }

    private final List<X509Certificate> pinned;
    private final X509ExtendedTrustManager asCa;

    private PinnedTrust(List<X509Certificate> pinned) throws GeneralSecurityException {
        this.pinned = List.copyOf(pinned);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        try {
            anchors.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < pinned.size(); i++) {
            anchors.setCertificateEntry("pinned-" + i, pinned.get(i));
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
        f.init(anchors);
        X509ExtendedTrustManager found = null;
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509ExtendedTrustManager x) {
                found = x;
            }
        }
        if (found == null) {
            throw new GeneralSecurityException("no PKIX trust manager");
        }
        this.asCa = found;
    }

    /** A TLS context that trusts only {@code pinned}. */
    public static SSLContext context(List<X509Certificate> pinned) throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {new PinnedTrust(pinned)}, null);
        return c;
    }

    /** The {@link NotPinned} somewhere in {@code e}'s causes, if any. */
    public static java.util.Optional<NotPinned> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotPinned n) {
                return java.util.Optional.of(n);
            }
        }
        return java.util.Optional.empty();
    }

    private void check(X509Certificate[] chain, CheckAsCa asCaCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new NotPinned("(none)", null);
        }
        if (pinned.contains(chain[0])) {
            chain[0].checkValidity();
            return;
        }
        try {
            asCaCheck.run();
        } catch (CertificateException e) {
            throw new NotPinned(Pem.fingerprint(chain[0]), e);
        }
    }

    private interface CheckAsCa {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> asCa.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> asCa.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> asCa.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a terminal takes no TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a terminal takes no TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a terminal takes no TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pinned.toArray(new X509Certificate[0]);
    }
}
