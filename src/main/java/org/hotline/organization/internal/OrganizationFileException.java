package org.hotline.organization.internal;

/** The organisation file cannot be loaded; the message names the file, the entry and what is wrong. */
class OrganizationFileException extends IllegalStateException {

    OrganizationFileException(String message) {
        super(message);
    }

    OrganizationFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
