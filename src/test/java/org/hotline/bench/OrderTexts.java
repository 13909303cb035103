package org.hotline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.workorder.Location;

/**
 * Appeal texts and addresses of the lengths and vocabulary citizens use, for benchmarks that search them: an
 * order's content is two to eight messages of the made-up demo history ({@code dispatch/demo-history.csv}, written
 * by the project) in a row, about 180 characters like a real appeal's median, and most orders have an address
 * made of the demo gazetteer's places and a house number. Drawn from a random generator of its own, so that a
 * benchmark that adds texts draws the same orders otherwise.
 */
final class OrderTexts {

    private static final Pattern PLACE = Pattern.compile("\\{id: [^,]+, +name: ([^,]+),");

    private final List<String> messages = new ArrayList<>();
    private final List<String> places = new ArrayList<>();
    private final Random random;

    OrderTexts(long seed) {
        this.random = new Random(seed);
        try (Reader in = reader("dispatch/demo-history.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                messages.add(row.get("detail"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the demo history cannot be read", e);
        }
        try {
            String yaml = read("organization/dongchangfu-demo.yaml");
            Matcher m = PLACE.matcher(yaml.substring(yaml.indexOf("\nplaces:")));
            while (m.find()) {
                places.add(m.group(1).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the demo gazetteer cannot be read", e);
        }
    }

    /** Two to eight messages of the demo history in a row. */
    String content() {
        int n = 2 + random.nextInt(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(messages.get(random.nextInt(messages.size())));
        }
        return text.toString();
    }

    /** A place of the gazetteer with a house number, or (one order in five) no address. */
    Location location() {
        if (random.nextInt(5) == 0) {
            return Location.none();
        }
        return new Location("东昌府区" + places.get(random.nextInt(places.size())) + (1 + random.nextInt(120)) + "号",
                null, null);
    }

    private static Reader reader(String resource) {
        InputStream in = OrderTexts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("not on the class path: " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = OrderTexts.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
