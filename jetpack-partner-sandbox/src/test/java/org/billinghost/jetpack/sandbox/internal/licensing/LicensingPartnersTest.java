package org.billinghost.jetpack.sandbox.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LicensingPartnersTest {

    @Test
    void parsesIdTokenAttachRuleAndOptionalProducts() {
        LicensingPartners partners = LicensingPartners.parse(new String[] {
            "1001:token-a:attach", " 2002 : token-b : noattach ", "3003:token-c:attach:jetpack-scan, premium"});

        assertThat(partners.byToken("token-a")).contains(new LicensingPartner("1001", true, Set.of()));
        assertThat(partners.byToken("token-b")).contains(new LicensingPartner("2002", false, Set.of()));
        assertThat(partners.byToken("token-c")).contains(new LicensingPartner("3003", true, Set.of("jetpack-scan", "premium")));
        assertThat(partners.byId("2002")).isPresent();
        assertThat(partners.all()).extracting(LicensingPartner::id).containsExactly("1001", "2002", "3003");
    }

    @Test
    void skipsMalformedEntriesUnknownProductsAndRepeatedIdsOrTokens() {
        LicensingPartners partners = LicensingPartners.parse(new String[] {
            "1001:token-a", "1001:token-a:maybe", ":token-a:attach", "1001::attach", "1001:token-a:attach:jetpack-nothing",
            "1:t:attach:premium:extra", null, "1001:token-a:attach", "1001:token-b:attach", "2002:token-a:noattach"});

        assertThat(partners.all()).extracting(LicensingPartner::id).containsExactly("1001");
        assertThat(partners.byToken("token-b")).isEmpty();
        assertThat(partners.byToken("token-a")).isPresent();
    }

    @Test
    void findsNoPartnerForEmptyUnknownOrOverLongTokens() {
        LicensingPartners partners = LicensingPartners.parse(new String[] {"1001:token-a:attach"});

        assertThat(partners.byToken(null)).isEmpty();
        assertThat(partners.byToken("")).isEmpty();
        assertThat(partners.byToken("token-A")).isEmpty();
        assertThat(partners.byToken("t".repeat(LicensingPartners.MAX_TOKEN_LENGTH + 1))).isEmpty();
    }

    @Test
    void aPartnerRestrictedToSomeProductsMayBuyOnlyThose() {
        LicensingPartner restricted = new LicensingPartner("1", true, Set.of("jetpack-scan"));
        LicensingPartner all = new LicensingPartner("2", true, Set.of());

        assertThat(restricted.mayBuy(Catalogue.bySlug("jetpack-scan").orElseThrow())).isTrue();
        assertThat(restricted.mayBuy(Catalogue.bySlug("premium").orElseThrow())).isFalse();
        assertThat(all.mayBuy(Catalogue.bySlug("premium").orElseThrow())).isTrue();
    }
}
