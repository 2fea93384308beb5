package org.billinghost.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomFieldTest {

    @Test
    void aRefusalNamesTheFieldAsTheApiKeysIt() {
        CustomField field = new CustomField(42, 7, "Site", CustomFieldType.TEXT, null, null, List.of(), false, true,
                true, false, 0);

        assertThat(field.inputName()).isEqualTo("customfields[42]");
    }
}
