package org.billinghost.testmodules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ClientDetails;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.junit.jupiter.api.Test;

class TestServerModuleTest {

    private final TestServerModule module = new TestServerModule();

    /** Just enough of the host's CommandParams to drive the module. */
    private static final class Params implements CommandParams {
        final List<String> options;
        final List<String> fieldNames;
        final Map<String, String> saved = new HashMap<>();

        Params(List<String> options, List<String> fieldNames) {
            this.options = options;
            this.fieldNames = fieldNames;
        }

        @Override public long serviceId() { return 7; }
        @Override public long clientId() { return 3; }
        @Override public long productId() { return 2; }
        @Override public long orderId() { return 1; }
        @Override public String domain() { return "<b>site</b>.example"; }
        @Override public String productType() { return "other"; }
        @Override public List<String> configOptions() { return options; }
        @Override public Map<String, String> customFields() { return saved; }
        @Override public List<String> productCustomFieldNames() { return fieldNames; }
        @Override public ClientDetails client() { return new ClientDetails(3, "A", "B", "a@b.c", "", "DE"); }
        @Override public String customFunction() { return ""; }
        @Override public AdminIdentity admin() { return null; }

        @Override
        public void saveCustomField(String fieldName, String value) {
            if (!fieldNames.contains(fieldName)) {
                throw new IllegalArgumentException(fieldName);
            }
            saved.put(fieldName, value);
        }
    }

    @Test
    void offersThreeOptionsEveryCommandAndOneButton() {
        assertThat(module.configOptions()).extracting(f -> f.type().name())
                .containsExactly("DROPDOWN", "TEXT", "PASSWORD");
        assertThat(module.configOptions().get(0).options()).containsExactly("success", "fail", "transient");
        assertThat(module.supportedCommands()).contains(ModuleCommand.CREATE, ModuleCommand.TEST_CONNECTION,
                ModuleCommand.CUSTOM);
        assertThat(module.adminCustomButtons()).containsEntry("Ping", "ping");
    }

    @Test
    void behaviourOptionDecidesTheAnswer() {
        assertThat(module.run(ModuleCommand.SUSPEND, new Params(List.of("success"), List.of())).succeeded()).isTrue();
        CommandResult fail = module.run(ModuleCommand.SUSPEND, new Params(List.of("fail"), List.of()));
        assertThat(fail.failure()).isEqualTo(CommandResult.Failure.PERMANENT);
        assertThat(fail.message()).contains("SuspendAccount");
        CommandResult temporary = module.run(ModuleCommand.TERMINATE, new Params(List.of("transient"), List.of()));
        assertThat(temporary.failure()).isEqualTo(CommandResult.Failure.TRANSIENT);
        assertThat(module.run(ModuleCommand.CREATE, new Params(List.of(), List.of())).succeeded())
                .as("no option set means success").isTrue();
    }

    @Test
    void createWritesTheDetailsFieldOnlyWhenTheProductHasItAndOnlyOnSuccess() {
        Params withField = new Params(List.of("success"), List.of(TestServerModule.DETAILS_FIELD));
        module.createAccount(withField);
        assertThat(withField.saved).containsEntry(TestServerModule.DETAILS_FIELD,
                "created service 7 for <b>site</b>.example");

        Params failing = new Params(List.of("fail"), List.of(TestServerModule.DETAILS_FIELD));
        module.createAccount(failing);
        assertThat(failing.saved).isEmpty();

        Params withoutField = new Params(List.of("success"), List.of("other"));
        assertThat(module.createAccount(withoutField).succeeded()).isTrue();
        assertThat(withoutField.saved).isEmpty();
    }

    @Test
    void customButtonRunsOnlyItsFunctionAndCountsCommands() {
        Params p = new Params(List.of("success"), List.of());
        int before = module.count(7);
        assertThat(module.custom("ping", p).succeeded()).isTrue();
        assertThat(module.custom("other", p).message()).isEqualTo("Unknown function other");
        assertThat(module.count(7)).isEqualTo(before + 1);
        assertThat(module.adminServicesTabFields(p)).containsEntry("Commands run", String.valueOf(before + 1));
    }

    @Test
    void clientAreaEscapesWhatItPrints() {
        assertThat(module.clientArea(new Params(List.of("success", "My <label>"), List.of())))
                .hasValue("<p class=\"testmodule\">My &lt;label&gt;: &lt;b&gt;site&lt;/b&gt;.example</p>");
    }
}
