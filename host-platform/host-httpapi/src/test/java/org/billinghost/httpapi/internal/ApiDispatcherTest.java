package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How failures of actions become answers: categories to statuses, and no internals for the unexpected. */
class ApiDispatcherTest {

    private static CoreAssembly core;
    private static ApiDispatcher dispatcher;

    @BeforeAll
    static void setUp() {
        core = CoreAssembly.h2().seedDemo();
        ApiBackend backend = ApiTestSupport.backend(core);
        ActionTable table = new ActionTable()
                .add("Boom", null, (r, a) -> {
                    throw new IllegalStateException("secret internal detail at db.example:5432");
                })
                .add("Gone", null, (r, a) -> {
                    throw new NoClassDefFoundError("org/example/Module");
                })
                .add("Refuse", null, (r, a) -> {
                    throw new BillingException(BillingException.Category.valueOf(r.string("category")), "refused");
                })
                .add("Echo", null, (r, a) -> Map.of("admin", a.username()));
        dispatcher = new ApiDispatcher(backend, table);
    }

    @AfterAll
    static void tearDown() {
        core.close();
    }

    private static ApiDispatcher.Answer call(String action, String... more) {
        Map<String, String[]> form = new java.util.HashMap<>(Map.of("identifier", new String[] {"demo-api"},
                "secret", new String[] {"demo-api-secret"}, "action", new String[] {action}));
        for (int i = 0; i < more.length; i += 2) {
            form.put(more[i], new String[] {more[i + 1]});
        }
        return dispatcher.dispatch(ApiRequest.fromForm(form), "192.0.2.1");
    }

    @Test
    void unexpectedFailuresAre500WithAReferenceButNoDetail() {
        for (String action : new String[] {"Boom", "Gone"}) {
            ApiDispatcher.Answer answer = call(action);

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).containsEntry("result", "error");
            assertThat((String) answer.body().get("message")).startsWith("Internal error (reference ")
                    .doesNotContain("db.example").doesNotContain("org/example");
        }
    }

    @Test
    void billingExceptionCategoriesMapToWhmcsStatuses() {
        Map<String, Integer> expected = Map.of("INVALID_INPUT", 200, "NOT_FOUND", 200, "CONFLICT", 200,
                "FORBIDDEN", 403, "UNAVAILABLE", 503);
        expected.forEach((category, status) -> {
            ApiDispatcher.Answer answer = call("Refuse", "category", category);
            assertThat(answer.status()).as(category).isEqualTo(status);
            assertThat(answer.body()).containsEntry("result", "error").containsEntry("message", "refused");
        });
    }

    @Test
    void successAnswersStartWithResultAndCarryTheAdmin() {
        ApiDispatcher.Answer answer = call("echo");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().keySet()).first().isEqualTo("result");
        assertThat(answer.body()).containsEntry("admin", "admin");
    }

    @Test
    void everyActionOfTheSpecIsRegistered() {
        ActionTable table = ApiServlet.actions(ApiTestSupport.backend(core), ApiTestSupport.JSON);

        assertThat(table.names()).contains("AddClient", "GetClients", "GetClientsDetails", "GetProducts", "AddProduct",
                "AddOrder", "AcceptOrder", "CancelOrder", "GetOrders", "GetInvoice", "AddInvoicePayment",
                "GetClientsProducts", "UpdateClientProduct", "ModuleCreate", "ModuleSuspend", "ModuleUnsuspend",
                "ModuleTerminate", "ModuleChangePackage", "ModuleCustom", "GetModuleQueue", "GetActivityLog",
                "LogActivity", "ActivateModule", "DeactivateModule", "UpdateModuleConfiguration",
                "GetModuleConfigurationParameters", "RetryModuleQueueItem", "ResolveModuleQueueItem", "PendingOrder",
                "DeleteOrder", "AddTransaction", "GetTransactions", "AddCredit", "ApplyCredit", "GetCredits",
                "CreateInvoice", "UpdateInvoice", "GetPaymentMethods", "GetStats", "CloseClient", "DeleteClient");
    }
}
