package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code dispatch-e2e}: what users meet, measured through a running server. Registers held-out real messages as
 * orders through the REST API (as operator1 of the demo organisation, web channel, no address: the data's places
 * are anonymised), and counts where each went: dispatched automatically to which unit, or left in the manual
 * queue with which unit first (the advice a dispatcher opens, as dispatcher1), against the unit labels of the
 * hand-labelled messages and of the replies held out. Prints {@code unit_accuracy=}, {@code unit_auto_share=},
 * {@code unit_auto_accuracy=} per set and for all. {@code scripts/unit-dispatch-e2e.sh} starts a fresh server on
 * a spare port and runs this against it.
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-e2e --url http://localhost:18087 ../shared/data
 * </pre>
 */
public final class DispatchE2e {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DispatchE2e() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        String url = null;
        Path labels = Path.of("src/test/resources/dispatch/unit-labels.csv");
        Path data = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--url" -> url = args.get(++i).replaceAll("/+$", "");
                case "--labels" -> labels = Path.of(args.get(++i));
                default -> {
                    if (args.get(i).startsWith("--") || data != null) {
                        out.println("unknown argument: " + args.get(i));
                        return usage(out);
                    }
                    data = Path.of(args.get(i));
                }
            }
        }
        if (url == null || data == null) {
            return usage(out);
        }
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        UnitLabels unitLabels = new UnitLabels(org.directory(), org.categories());
        List<UnitEval.Case> hand = UnitEval.handLabelled(labels, data);
        List<UnitEval.Case> replies = new ArrayList<>();
        for (RealHistory.Message m : new RealHistory(org.directory(), unitLabels).replies(data)) {
            if (RealHistory.heldOut(m)) {
                replies.add(new UnitEval.Case(m.id(), m.body(), m.owner()));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Tally all = new Tally();
        for (Map.Entry<String, List<UnitEval.Case>> set : Map.of("hand-labelled", hand, "replies held out", replies)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Tally tally = new Tally();
            for (UnitEval.Case c : set.getValue()) {
                Outcome o = register(http, url, c, unitLabels, org);
                tally.add(o, c.truth());
                all.add(o, c.truth());
            }
            tally.print(out, set.getKey());
        }
        all.print(out, "all");
        return 0;
    }

    /** Where one order went: automatically or not, and the unit (owner) it went to or the queue put first. */
    private record Outcome(boolean automatic, String owner, double confidence) {
    }

    private static Outcome register(HttpClient http, String url, UnitEval.Case c, UnitLabels labels,
            DemoOrganization org) throws Exception {
        String content = c.text().length() > 4000 ? c.text().substring(0, 4000) : c.text();
        String body = JSON.writeValueAsString(Map.of("channel", "WEB", "appealType", "COMPLAINT", "citizen",
                Map.of("name", "测试市民"), "content", content));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/orders"))
                .header("Authorization", basic("operator1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("registering message " + c.id() + " answered " + created.statusCode()
                    + ": " + created.body());
        }
        JsonNode order = JSON.readTree(created.body());
        String number = order.path("number").asText();
        HttpResponse<String> advice = http.send(HttpRequest.newBuilder(
                URI.create(url + "/api/v1/orders/" + number + "/dispatch-advice"))
                .header("Authorization", basic("dispatcher1")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode a = JSON.readTree(advice.body());
        boolean automatic = !"REGISTERED".equals(order.path("status").asText());
        String owner;
        if (automatic) {
            owner = ownerOf(order.path("leadUnit").asText(null), org);
        } else {
            JsonNode first = a.path("suggestions").path(0);
            String lead = first.path("leadUnit").path("id").asText(null);
            String category = first.path("category").path("code").asText(null);
            owner = lead != null ? ownerOf(lead, org)
                    : category != null && Departments.TERRITORIAL.equals(labels.ownerOf(category))
                            ? Departments.TERRITORIAL : UnitEval.NONE;
        }
        return new Outcome(automatic, owner, a.path("confidence").asDouble());
    }

    private static String ownerOf(String unit, DemoOrganization org) {
        if (unit == null) {
            return UnitEval.NONE;
        }
        return org.units().find(new UnitId(unit)).map(u -> u.kind() == UnitKind.TERRITORIAL).orElse(false)
                ? Departments.TERRITORIAL : unit;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
    }

    private static final class Tally {
        int n;
        int right;
        int auto;
        int autoRight;

        void add(Outcome o, String truth) {
            boolean ok = o.owner().equals(truth);
            n++;
            right += ok ? 1 : 0;
            if (o.automatic()) {
                auto++;
                autoRight += ok ? 1 : 0;
            }
        }

        void print(PrintStream out, String name) {
            out.printf(Locale.ROOT, "%n== %s: %d orders registered through the API%n", name, n);
            out.printf(Locale.ROOT, "unit_accuracy=%.4f%n", n == 0 ? 0 : (double) right / n);
            out.printf(Locale.ROOT, "unit_auto_share=%.4f (%d dispatched by the AI dispatcher at intake)%n",
                    n == 0 ? 0 : (double) auto / n, auto);
            out.printf(Locale.ROOT, "unit_auto_accuracy=%.4f%n", auto == 0 ? 0 : (double) autoRight / auto);
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: dispatch-e2e --url http://localhost:PORT [--labels unit-labels.csv] DATA_DIR");
        return 2;
    }
}
