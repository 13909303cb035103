package org.hotline.open311.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.open311.*}.
 *
 * @param apiKeys          keys accepted from the start (a first run, a test bench): each is stored hashed under a
 *                         generated name unless it is stored already, so a key an administrator revoked stays revoked
 * @param ratePerMinute    the requests a key may file per minute unless an administrator set its own rate
 * @param jurisdictionId   the one jurisdiction served; a request naming another is answered 404. Unset: any
 *                         {@code jurisdiction_id} is accepted (there is only one)
 * @param respondWithToken answer a POST with a token to look up with {@code GET tokens/{token}} instead of the
 *                         request's id (for clients written for servers that register later)
 * @param serviceNotice    the {@code service_notice} of every request: what happens next, in Chinese
 * @param contact          discovery's {@code contact}
 * @param keyService       discovery's {@code key_service}: how a developer gets a key
 */
@ConfigurationProperties("hotline.open311")
record Open311Properties(List<String> apiKeys, Integer ratePerMinute, String jurisdictionId, Boolean respondWithToken,
        String serviceNotice, String contact, String keyService) {

    Open311Properties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        ratePerMinute = ratePerMinute == null ? 600 : ratePerMinute;
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("hotline.open311.rate-per-minute must be at least 1");
        }
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? null : jurisdictionId.strip();
        respondWithToken = Boolean.TRUE.equals(respondWithToken);
        serviceNotice = serviceNotice == null
                ? "12345 市民热线已受理，将派至承办单位办理，一般在派单后 5 个工作日内答复（紧急事项 24 小时内）。"
                : serviceNotice;
        contact = contact == null ? "12345 市民热线受理中心" : contact;
        keyService = keyService == null ? "api_key 由 12345 市民热线系统管理员发放，每个客户端应用一个。" : keyService;
    }
}
