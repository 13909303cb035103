package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The loader fills only an empty database, all or nothing, and says which entry of a bad file is wrong. */
class OrganizationLoaderTest {

    private final OrganizationDatabase db = OrganizationDatabase.h2();

    @Test
    void aDatabaseThatAlreadyHasUnitsIsLeftAlone() {
        assertThat(db.load(DemoOrganizationFileTest.DEMO)).isTrue();
        long units = db.count("units");
        long users = db.count("users");

        assertThat(db.load(DemoOrganizationFileTest.DEMO)).isFalse();
        // even a broken file is not read once the organisation exists
        assertThat(db.load("classpath:organization/user-with-unknown-unit.yaml")).isFalse();

        assertThat(db.count("units")).isEqualTo(units);
        assertThat(db.count("users")).isEqualTo(users);
    }

    @Test
    void aReferenceToAnUnknownUnitStopsTheLoadNamingTheEntryAndWritesNothing() {
        assertThatThrownBy(() -> db.load("classpath:organization/user-with-unknown-unit.yaml"))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("users[1] (ghost-handler)")
                .hasMessageContaining("unit")
                .hasMessageContaining("dcf-nowhere");
        assertThat(db.count("units")).isZero();
        assertThat(db.count("categories")).isZero();
        assertThat(db.count("users")).isZero();
    }

    @Test
    void aUnitRoleWithoutAUnitStopsTheLoad() {
        assertThatThrownBy(() -> db.load("classpath:organization/unit-role-without-unit.yaml"))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("users[0] (lonely-handler)")
                .hasMessageContaining("必须指定承办单位");
        assertThat(db.count("units")).isZero();
    }

    @Test
    void aCategoryWithAnUnknownDefaultUnitStopsTheLoad() {
        assertThatThrownBy(() -> db.load("classpath:organization/category-with-unknown-unit.yaml"))
                .hasMessageContaining("categories[1] (01.01)")
                .hasMessageContaining("dcf-nowhere");
    }

    @Test
    void aFailureWhileWritingRollsBackEverythingAlreadyWritten() {
        // the place name is too long for its column: this fails at the last insert, after units, categories
        // and users were written in the same transaction
        assertThatThrownBy(() -> db.load("classpath:organization/place-name-too-long.yaml"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(db.count("units")).isZero();
        assertThat(db.count("categories")).isZero();
        assertThat(db.count("users")).isZero();
        assertThat(db.count("places")).isZero();
    }

    @Test
    void aMissingFileStopsTheLoadNamingTheProperty() {
        assertThatThrownBy(() -> db.load("classpath:organization/no-such-file.yaml"))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("hotline.organization.file");
    }

    @Test
    void aMisspeltKeyStopsTheLoadInsteadOfBeingIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "units:\n  - {id: dcf-a, name: 甲, kind: INDUSTRY, phnoe: '1'}\n");
        assertThatThrownBy(() -> db.load(file.toString()))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("phnoe");
    }

    @Test
    void aPlainFilesystemPathIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, """
                units:
                  - {id: dcf-a, name: 甲街道, kind: TERRITORIAL}
                users:
                  - {username: a-handler, name: 甲, role: UNIT_HANDLER, unit: dcf-a, password: secret-1}
                """);
        assertThat(db.load(file.toString())).isTrue();
        assertThat(db.users.find("a-handler")).get()
                .satisfies(u -> assertThat(db.passwordEncoder.matches("secret-1", u.passwordHash())).isTrue());
    }

    @Test
    void aCycleOfParentUnitsStopsTheLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cycle.yaml");
        Files.writeString(file, """
                units:
                  - {id: dcf-a, name: 甲, kind: INDUSTRY, parent: dcf-b}
                  - {id: dcf-b, name: 乙, kind: INDUSTRY, parent: dcf-a}
                """);
        assertThatThrownBy(() -> db.load(file.toString()))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("循环");
        assertThat(db.count("units")).isZero();
    }

    @ParameterizedTest
    @FieldSource("org.hotline.organization.Actor#PLATFORM_USERNAMES")
    void anOrganisationFileCannotGiveAPersonAUsernameThePlatformActsUnder(String platformUsername,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("impostor.yaml");
        Files.writeString(file, """
                defaultPassword: secret-1
                units:
                  - {id: dcf-a, name: 甲, kind: INDUSTRY}
                users:
                  - {username: %s, name: 冒名者, role: ADMIN}
                """.formatted(platformUsername));
        assertThatThrownBy(() -> db.load(file.toString()))
                .isInstanceOf(OrganizationFileException.class)
                .hasMessageContaining("users[0] (" + platformUsername + ")")
                .hasMessageContaining("系统保留的用户名");
        assertThat(db.count("users")).isZero();
    }
}
