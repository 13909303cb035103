package org.hotline.knowledge.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeSuggestions;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.OrderNumber;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The knowledge base for the center under {@code /api/v1/knowledge}: search and suggestions for every center
 * role; writing, review and publication for the editors and publishers ({@link org.hotline.knowledge.KnowledgeRules}).
 * A change names the version it read with {@code If-Match} (the {@code ETag} of the entry), optional as for orders.
 */
@RestController
@Validated
@RequestMapping("/api/v1/knowledge")
@Tag(name = "知识库", description = "Policy answers: search, suggestions while typing an appeal, editing, review and publication")
class KnowledgeController {

    /** Which entries a list or search covers. */
    enum Scope {
        /** Published and valid today: what operators are offered. */
        SERVED,
        /** Every status (editors only). */
        ALL
    }

    private final KnowledgeBase knowledge;
    private final IndexedKnowledge index;
    private final Units units;

    KnowledgeController(KnowledgeBase knowledge, IndexedKnowledge index, Units units) {
        this.knowledge = knowledge;
        this.index = index;
        this.units = units;
    }

    record ContentRequest(
            @NotBlank(message = "必须填写") @Size(max = 200, message = "不能超过 200 个字符") String title,
            @NotBlank(message = "必须填写") @Size(max = 10_000, message = "不能超过 10000 个字符") String answer,
            @Size(max = 2000, message = "不能超过 2000 个字符") String policyBasis,
            @Size(max = 64, message = "不能超过 64 个字符") String unit,
            LocalDate validFrom, LocalDate validTo,
            @Size(max = KnowledgeBase.MAX_KEYWORDS, message = "关键词不能超过 20 个") List<String> keywords) {

        KnowledgeBase.Content content() {
            return new KnowledgeBase.Content(title, answer, policyBasis,
                    unit == null || unit.isBlank() ? null : new UnitId(unit.strip()), validFrom, validTo, keywords);
        }
    }

    record NoteRequest(@Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record ReviewRequest(@NotNull(message = "必须填写") Boolean approve,
            @Size(max = 2000, message = "不能超过 2000 个字符") String reason) {
    }

    record RetireRequest(@NotBlank(message = "必须写明停用理由") @Size(max = 2000, message = "不能超过 2000 个字符")
            String reason) {
    }

    record SuggestRequest(@NotNull(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") String content,
            @Min(value = 1, message = "至少为 1") @Max(value = KnowledgeSuggestions.MAX, message = "不能超过 10")
            Integer limit) {
    }

    // ---------------------------------------------------------------- reading

    @GetMapping
    @Operation(summary = "查询知识条目：有 q 时按相关度（标注命中词），否则按最近修改；scope=ALL 与 status 仅限编辑人员")
    KnowledgeViews.PageView<KnowledgeViews.FoundView> list(
            @RequestParam(required = false) @Size(max = 2000, message = "不能超过 2000 个字符") String q,
            @RequestParam(defaultValue = "SERVED") Scope scope,
            @RequestParam(required = false) List<EntryStatus> status,
            @RequestParam(required = false) @Size(max = 64, message = "不能超过 64 个字符") String unit,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0")
            @Max(value = 10_000, message = "不能超过 10000") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 100, message = "不能超过 100") int size,
            Actor actor) {
        Set<EntryStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        UnitId unitId = unit == null || unit.isBlank() ? null : new UnitId(unit.strip());
        KnowledgeBase.Page found = knowledge.list(q, scope == Scope.ALL, statuses, unitId, page, size, actor);
        return new KnowledgeViews.PageView<>(found.entries().stream().map(f -> KnowledgeViews.found(f, units)).toList(),
                found.total(), found.page(), found.size());
    }

    @PostMapping("/suggest")
    @Operation(summary = "按诉求内容推荐知识条目（受理时边输入边调用）：最相关的已发布且在有效期内的条目，默认 3 条，附命中词")
    KnowledgeViews.SuggestionsView suggest(@Valid @RequestBody SuggestRequest r, Actor actor) {
        int limit = r.limit() == null ? 3 : r.limit();
        return new KnowledgeViews.SuggestionsView(knowledge.suggest(r.content(), limit, actor).stream()
                .map(s -> KnowledgeViews.suggestion(s, units)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "知识条目详情（非编辑人员只能查看已发布且在有效期内的条目）")
    ResponseEntity<KnowledgeViews.EntryView> get(@PathVariable String id, Actor actor) {
        return ok(knowledge.find(id(id), actor));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "知识条目的修改、审核、发布记录（只增不改）")
    List<KnowledgeViews.HistoryView> history(@PathVariable String id, Actor actor) {
        return knowledge.history(id(id), actor).stream().map(KnowledgeViews::history).toList();
    }

    // ---------------------------------------------------------------- writing

    @PostMapping
    @Operation(summary = "新建知识条目（草稿）：督办员、审核员、中心主任、系统管理员")
    ResponseEntity<KnowledgeViews.EntryView> create(@Valid @RequestBody ContentRequest r, Actor actor) {
        return created(knowledge.create(r.content(), actor));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改草稿（已发布的条目请创建修订版）")
    ResponseEntity<KnowledgeViews.EntryView> edit(@PathVariable String id, @Valid @RequestBody ContentRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(knowledge.edit(id(id), r.content(), version(ifMatch), actor));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "提交审核：草稿进入待审核，由另一位发布人（中心主任或系统管理员）审核")
    ResponseEntity<KnowledgeViews.EntryView> submit(@PathVariable String id,
            @Valid @RequestBody(required = false) NoteRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(knowledge.submit(id(id), r == null ? null : r.note(), version(ifMatch), actor));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "审核：通过即发布（编写或提交者本人不能发布；修订版发布后原条目停用），退回须说明理由")
    ResponseEntity<KnowledgeViews.EntryView> review(@PathVariable String id, @Valid @RequestBody ReviewRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(knowledge.review(id(id), r.approve(), r.reason(), version(ifMatch), actor));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "停用知识条目（中心主任、系统管理员），须说明理由")
    ResponseEntity<KnowledgeViews.EntryView> retire(@PathVariable String id, @Valid @RequestBody RetireRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(knowledge.retire(id(id), r.reason(), version(ifMatch), actor));
    }

    @PostMapping("/{id}/revision")
    @Operation(summary = "为已发布的条目创建修订版（草稿），发布后取代原条目")
    ResponseEntity<KnowledgeViews.EntryView> revise(@PathVariable String id, Actor actor) {
        return created(knowledge.revise(id(id), actor));
    }

    @PostMapping("/from-order/{number}")
    @Operation(summary = "将已办结工单的答复转为知识条目草稿：标题取自诉求，答复取自公开答复，隐去市民姓名、电话、地址")
    ResponseEntity<KnowledgeViews.EntryView> fromOrder(@PathVariable String number, Actor actor) {
        if (!OrderNumber.isWellFormed(number)) {
            throw new NotFoundException("工单 " + number + " 不存在");
        }
        return created(knowledge.fromOrder(new OrderNumber(number), actor));
    }

    // ---------------------------------------------------------------- helpers

    private ResponseEntity<KnowledgeViews.EntryView> ok(KnowledgeEntry e) {
        return ResponseEntity.ok().eTag(etag(e.version())).body(KnowledgeViews.entry(e, index.today(), units));
    }

    private ResponseEntity<KnowledgeViews.EntryView> created(KnowledgeEntry e) {
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(e.version()))
                .header(HttpHeaders.LOCATION, "/api/v1/knowledge/" + e.id())
                .body(KnowledgeViews.entry(e, index.today(), units));
    }

    /** An id that is not a positive number names no entry. */
    static EntryId id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return new EntryId(value);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new NotFoundException("知识条目 " + id + " 不存在");
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version from an {@code If-Match} header ({@code "3"} or {@code 3}); absent means "don't check". */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String v = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "应为知识条目版本号，例如 \"3\"");
        }
    }
}
