package org.billinghost.api.module;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersThatEndTextOrAQuotedAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void nullIsTheEmptyText() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
