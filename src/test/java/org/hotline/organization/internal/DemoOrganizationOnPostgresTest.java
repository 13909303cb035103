package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The schema and the loader use only SQL that PostgreSQL, the production database, accepts too. */
class DemoOrganizationOnPostgresTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theDemoOrganisationLoadsOnceOnPostgres() {
        OrganizationDatabase db = OrganizationDatabase.on(postgres.getPostgresDatabase());

        assertThat(db.load(DemoOrganizationFileTest.DEMO)).isTrue();
        assertThat(db.load(DemoOrganizationFileTest.DEMO)).isFalse();

        assertThat(db.units.find(new UnitId("dcf-zhzfj"))).get().extracting(Unit::name).isEqualTo("区综合行政执法局");
        assertThat(db.categories.all()).first().extracting(c -> c.code()).isEqualTo("01");
        assertThat(db.categories.defaultUnitOf("13.02.01")).contains(new UnitId("dcf-power"));
        assertThat(db.gazetteer.search("古城区")).extracting(p -> p.id()).containsExactly("gulou");
        // a second instance loading the same file at the same moment collides on the primary key
        assertThatThrownBy(() -> db.units.insert(db.units.entry(new UnitId("dcf-zfb")).orElseThrow()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }
}
