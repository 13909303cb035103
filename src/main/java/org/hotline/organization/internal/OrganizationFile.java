package org.hotline.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.hotline.organization.PlaceKind;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The organisation file as written (YAML): what {@link OrganizationLoader} reads into an empty database.
 * Unknown keys are refused, so a misspelt key fails startup instead of being silently dropped.
 *
 * @param defaultPassword the clear-text password of users that name none (demo files only); hashed on load
 */
record OrganizationFile(String description, String defaultPassword, List<UnitLine> units,
        List<CategoryLine> categories, List<UserLine> users, List<PlaceLine> places) {

    OrganizationFile {
        units = units == null ? List.of() : units;
        categories = categories == null ? List.of() : categories;
        users = users == null ? List.of() : users;
        places = places == null ? List.of() : places;
    }

    /** A unit; {@code parent} is the id of the unit it belongs to, if any. */
    record UnitLine(String id, String name, UnitKind kind, String parent, String phone) {
    }

    /** A category; level and parent follow from the code, {@code unit} is the default unit (optional). */
    record CategoryLine(String code, String name, String unit) {
    }

    /** A user; {@code unit} is required for unit roles, {@code password} defaults to the file's. */
    record UserLine(String username, String name, Role role, String unit, String password) {
    }

    /** A place; {@code unit} defaults to the parent place's unit. */
    record PlaceLine(String id, String name, PlaceKind kind, String parent, String unit, List<String> aliases) {
    }

    static OrganizationFile read(InputStream in) throws IOException {
        return YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build()
                .readValue(in, OrganizationFile.class);
    }
}
