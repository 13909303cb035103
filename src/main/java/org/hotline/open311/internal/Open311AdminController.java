package org.hotline.open311.internal;

import java.time.Instant;
import java.util.List;

import org.hotline.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The administrator's side of Open311 under {@code /api/v1/admin/open311} (ADMIN only, by the security
 * configuration and by {@link ApiKeys} itself): the client applications' API keys (issue, rename, set the rate,
 * revoke; each change in the administrators' audit), and the requests whose citizen's service choice the AI's
 * dispatch overruled. The console's key page ({@code Open311KeyPages}) calls the same methods.
 */
@RestController
@RequestMapping("/api/v1/admin/open311")
@Tag(name = "Open311 管理", description = "API keys of the Open311 client applications")
class Open311AdminController {

    private final ApiKeys keys;
    private final Open311Requests requests;

    Open311AdminController(ApiKeys keys, Open311Requests requests) {
        this.keys = keys;
        this.requests = requests;
    }

    record NewKey(@NotBlank(message = "必须填写") @Size(max = 100, message = "最长 100 个字符") String name,
            @Size(max = 200, message = "最长 200 个字符") String clientApplication,
            @Min(value = 1, message = "至少为 1") @Max(value = ApiKeys.MAX_RATE, message = "不能超过 1000000")
            Integer ratePerMinute) {
    }

    /** A change: each field given changes (a name with its client application, the rate); none given is none. */
    record KeyChange(@Size(max = 100, message = "最长 100 个字符") String name,
            @Size(max = 200, message = "最长 200 个字符") String clientApplication,
            @Min(value = 1, message = "至少为 1") @Max(value = ApiKeys.MAX_RATE, message = "不能超过 1000000")
            Integer ratePerMinute) {
    }

    /**
     * A key as an administrator sees it: never its secret, only its last four characters; with the requests filed
     * with it and the last one ({@code requests} and {@code lastUsedAt} are null where only the key was asked for).
     */
    record KeyView(long id, String name, String clientApplication, String hint, int ratePerMinute, Instant createdAt,
            String createdBy, boolean active, Instant revokedAt, String revokedBy, Long requests, Instant lastUsedAt) {

        static KeyView of(ApiKeys.ApiKey k) {
            return new KeyView(k.id(), k.name(), k.clientApplication(), "…" + k.hint(), k.ratePerMinute(),
                    k.createdAt(), k.createdBy(), k.active(), k.revokedAt(), k.revokedBy(), null, null);
        }

        static KeyView of(ApiKeys.Listed l) {
            ApiKeys.ApiKey k = l.key();
            return new KeyView(k.id(), k.name(), k.clientApplication(), "…" + k.hint(), k.ratePerMinute(),
                    k.createdAt(), k.createdBy(), k.active(), k.revokedAt(), k.revokedBy(), l.requests(), l.lastUsed());
        }
    }

    /** A newly issued key with its secret: the one time it is shown. */
    record IssuedView(KeyView key, String apiKey) {
    }

    record DisagreementView(String serviceRequestId, String serviceCode, String hintCategory,
            String dispatchedCategory, Instant requestedAt) {
    }

    @GetMapping("/keys")
    @Operation(summary = "Open311 API 密钥（最新在前），含各密钥提交的诉求数和最近一次提交时间")
    List<KeyView> keys(Actor actor) {
        return keys.list(actor).stream().map(KeyView::of).toList();
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发放 Open311 API 密钥（每个客户端应用一个；密钥只在此时显示一次）")
    IssuedView issue(@Valid @RequestBody NewKey request, Actor actor) {
        ApiKeys.Issued issued = keys.issue(request.name(), request.clientApplication(), request.ratePerMinute(),
                actor);
        return new IssuedView(KeyView.of(issued.key()), issued.secret());
    }

    @PatchMapping("/keys/{id}")
    @Operation(summary = "修改 Open311 API 密钥的名称、客户端应用或每分钟限额（已停用的密钥不能修改）")
    KeyView change(@PathVariable long id, @Valid @RequestBody KeyChange change, Actor actor) {
        return KeyView.of(keys.change(id, change.name(), change.clientApplication(), change.ratePerMinute(), actor));
    }

    @PostMapping("/keys/{id}/revoke")
    @Operation(summary = "停用 Open311 API 密钥（立即生效，不可恢复）")
    KeyView revoke(@PathVariable long id, Actor actor) {
        return KeyView.of(keys.revoke(id, actor));
    }

    @GetMapping("/disagreements")
    @Operation(summary = "市民选择的服务与智能派单判断不一致的 Open311 诉求（最新在前）")
    List<DisagreementView> disagreements(@RequestParam(defaultValue = "100") @Min(value = 1, message = "至少为 1")
            @Max(value = 1000, message = "不能超过 1000") int limit) {
        return requests.disagreeing(limit).stream().map(r -> new DisagreementView(r.orderNumber(), r.serviceCode(),
                r.hintCategory(), r.dispatchedCategory(), r.requestedAt())).toList();
    }
}
