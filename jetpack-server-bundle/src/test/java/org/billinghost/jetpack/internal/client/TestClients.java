package org.billinghost.jetpack.internal.client;

import mockwebserver3.MockWebServer;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.jetpack.partner.PartnerApi;

/** Partner API clients pointed at a MockWebServer, for tests in other packages. */
public final class TestClients {
    /** Short read time-out so that time-out tests stay quick. */
    public static final int READ_TIMEOUT_MILLIS = 700;

    private TestClients() {
    }

    public static LicensingApi licensingApi(MockWebServer server, ModuleLog moduleLog) {
        return new OkHttpLicensingApi(ClientSettings.of(server.url("/wpcom/").toString(), 2_000, READ_TIMEOUT_MILLIS, 10_000),
                () -> moduleLog, java.time.Clock.systemUTC());
    }

    public static PartnerApi partnerApi(MockWebServer server, ModuleLog moduleLog) {
        return new OkHttpPartnerApi(ClientSettings.of(server.url("/wpcom/").toString(), 2_000, READ_TIMEOUT_MILLIS, 10_000),
                () -> moduleLog);
    }
}
