package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** ActivateModule, DeactivateModule, UpdateModuleConfiguration, GetModuleConfigurationParameters. */
class ModuleConfigApiTest extends ApiTestSupport {

    private static JsonNode parameter(JsonNode reply, String name) {
        for (JsonNode p : reply.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + reply);
    }

    @Test
    void activateWithSettingsThenReadThemBackWithTheSecretMasked() {
        Reply activated = call("ActivateModule", "moduleType", "addon", "moduleName", "testaddon",
                "parameters[greeting]", "Hello", "parameters[secret]", "top-secret-value", "parameters[colour]", "green");
        activated.ok();
        assertThat(activated.body()).doesNotContain("top-secret-value");

        Reply read = call("GetModuleConfigurationParameters", "moduleType", "addon", "moduleName", "testaddon").ok();

        assertThat(read.body()).doesNotContain("top-secret-value");
        assertThat(read.json().path("active").asBoolean()).isTrue();
        assertThat(read.json().path("parameters")).hasSize(6);
        assertThat(parameter(read.json(), "secret").path("value").asText()).isEqualTo("********");
        assertThat(parameter(read.json(), "secret").path("fieldType").asText()).isEqualTo("password");
        assertThat(parameter(read.json(), "greeting").path("value").asText()).isEqualTo("Hello");
        assertThat(parameter(read.json(), "colour").path("value").asText()).isEqualTo("green");
        assertThat(parameter(read.json(), "size").path("options")).extracting(JsonNode::asText)
                .containsExactly("small", "large");
        assertThat(core.modules().addon("testaddon").orElseThrow().accessRoles())
                .as("saving the parameters keeps the roles the first activation granted")
                .containsExactly("Full Administrator");
    }

    @Test
    void updateChangesOnlyWhatIsSentAndTheMaskKeepsTheSecret() {
        call("ActivateModule", "moduleType", "addon", "moduleName", "testaddon",
                "parameters[secret]", "kept-secret").ok();

        Reply updated = call("UpdateModuleConfiguration", "moduleType", "addon", "moduleName", "testaddon",
                "parameters[notes]", "line one", "parameters[secret]", "********").ok();

        assertThat(updated.json().path("changed")).extracting(JsonNode::asText).containsExactly("notes");
        assertThat(core.modules().addon("testaddon").orElseThrow().settings().get("notes")).isEqualTo("line one");
    }

    @Test
    void deactivateKeepsTheSettings() {
        call("ActivateModule", "moduleType", "addon", "moduleName", "testaddon", "parameters[greeting]", "Kept").ok();

        call("DeactivateModule", "moduleType", "addon", "moduleName", "testaddon").ok();

        JsonNode read = call("GetModuleConfigurationParameters", "moduleType", "addon", "moduleName", "testaddon").ok()
                .json();
        assertThat(read.path("active").asBoolean()).isFalse();
        assertThat(parameter(read, "greeting").path("value").asText()).isEqualTo("Kept");
    }

    @Test
    void serverModuleOptionsAreListedAsConfigOptionsWithoutValues() {
        JsonNode read = call("GetModuleConfigurationParameters", "moduleType", "server", "moduleName", "testmodule")
                .ok().json();

        assertThat(read.path("parameters")).extracting(p -> p.path("name").asText())
                .containsExactly("configoption1", "configoption2", "configoption3");
        assertThat(parameter(read, "configoption3").path("fieldType").asText()).isEqualTo("password");
        assertThat(parameter(read, "configoption1").has("value")).isFalse();
    }

    @Test
    void badModuleInputIsRefusedAndChangesNothing() {
        call("ActivateModule", "moduleType", "addon", "moduleName", "testaddon", "parameters[colour]", "red").ok();

        call("ActivateModule", "moduleType", "gateway", "moduleName", "paypal")
                .refused(200, "Unsupported moduleType 'gateway'");
        call("ActivateModule", "moduleType", "server", "moduleName", "testmodule")
                .refused(200, "moduleType must be addon for this action");
        call("ActivateModule", "moduleType", "addon", "moduleName", "nosuchaddon").refused(200, "Module not found");
        call("ActivateModule", "moduleType", "addon", "moduleName", "../etc").refused(200, "must be a module name");
        call("ActivateModule", "moduleName", "testaddon").refused(200, "Missing required parameter: moduletype");
        call("UpdateModuleConfiguration", "moduleType", "addon", "moduleName", "testaddon",
                "parameters[colour]", "blue", "parameters[bogus]", "x").refused(200, "Unknown setting 'bogus'");
        call("UpdateModuleConfiguration", "moduleType", "addon", "moduleName", "testaddon")
                .refused(200, "Missing required parameter: parameters");
        call("UpdateModuleConfiguration", "moduleType", "addon", "moduleName", "testaddon", "parameters", "colour=blue")
                .refused(200, "must be a set of parameters[key]=value fields");
        call("GetModuleConfigurationParameters", "moduleType", "server", "moduleName", "nosuch")
                .refused(200, "Module not found");

        assertThat(core.modules().addon("testaddon").orElseThrow().settings().get("colour")).isEqualTo("red");
    }
}
