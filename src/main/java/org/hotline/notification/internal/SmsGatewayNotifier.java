package org.hotline.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hotline.notification.Medium;
import org.hotline.notification.Notifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An SMS gateway reached over HTTP, switched on by {@code hotline.notification.sms.enabled=true}: each message is
 * one {@code POST} of {@code {"phone": "...", "text": "...", "id": 42}} (JSON, UTF-8) to
 * {@code hotline.notification.sms.url}, with {@code Authorization: Bearer <token>} when a token is set. Any 2xx
 * answer is a delivery; anything else, a timeout or a refused connection is a failed try that the outbox retries.
 * The {@code id} lets a gateway drop a message it has already taken (a retry after a lost answer). Gateways with
 * another interface get a small adapter of their own implementing {@link Notifier}.
 */
@Component
@ConditionalOnProperty(name = "hotline.notification.sms.enabled", havingValue = "true")
class SmsGatewayNotifier implements Notifier {

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    SmsGatewayNotifier(@Value("${hotline.notification.sms.url}") URI url,
            @Value("${hotline.notification.sms.token:}") String token,
            @Value("${hotline.notification.sms.timeout:PT5S}") Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Medium medium() {
        return Medium.SMS;
    }

    @Override
    public String name() {
        return "sms-gateway";
    }

    @Override
    public void send(Outgoing message) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("phone", message.recipient()).put("text", message.text())
                .put("id", message.id());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (!token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("短信网关返回 HTTP " + response.statusCode());
        }
    }
}
