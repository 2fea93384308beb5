package org.billinghost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.itests.support.ContainerTestSupport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Felix with exactly the distribution's bundles: everything resolves and starts, and the host answers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends ContainerTestSupport {
    private static final Duration READY = Duration.ofSeconds(60);

    @Before
    public void hostIsReady() {
        awaitHostReady(READY);
    }

    @Test
    public void everyBundleOfTheDistributionResolvesAndStarts() {
        assertAllBundlesActive();
    }

    @Test
    public void coreServicesAreRegistered() {
        for (Class<?> type : new Class<?>[] {Catalog.class, ActivityLog.class, Clients.class, Orders.class,
                Modules.class, ModuleCommands.class, ApiCredentials.class}) {
            waitForService(type, null, READY);
        }
    }

    @Test
    public void adminLoginPageIsServed() {
        HttpAnswer login = httpGet("admin/login");
        assertEquals(login.body(), 200, login.status());
        assertTrue(login.body(), login.body().toLowerCase().contains("<form"));
    }

    @Test
    public void apiAnswersWithTheDemoCredentialsAndRejectsWrongOnes() {
        HttpAnswer products = api("GetProducts", Map.of());
        assertEquals(products.body(), 200, products.status());
        assertTrue(products.body(), products.body().contains("\"result\":\"success\""));

        HttpAnswer wrong = httpPostForm("includes/api.php", Map.of("action", "GetProducts", "identifier", "demo-api",
                "secret", "wrong", "responsetype", "json"));
        assertEquals(wrong.body(), 403, wrong.status());
        assertTrue(wrong.body(), wrong.body().contains("\"result\":\"error\""));
    }
}
