package org.hotline.deadline;

/**
 * A calendar file that cannot be trusted. Thrown while loading, so the application refuses to start rather
 * than compute every deadline of the year on a wrong calendar; the message names the file and the entry so
 * whoever typed the State Council's table in can fix it.
 */
public class InvalidCalendarException extends RuntimeException {

    private final String file;
    private final String entry;

    public InvalidCalendarException(String file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    public InvalidCalendarException(String file, String entry, String problem, Throwable cause) {
        super("Invalid calendar file " + file + (entry == null ? "" : ", entry " + entry) + ": " + problem, cause);
        this.file = file;
        this.entry = entry;
    }

    /** The file as it was named when loaded: a classpath resource or a path. */
    public String file() {
        return file;
    }

    /** The entry at fault, e.g. {@code holidays[1] (春节)}, or null when the file as a whole is wrong. */
    public String entry() {
        return entry;
    }
}
