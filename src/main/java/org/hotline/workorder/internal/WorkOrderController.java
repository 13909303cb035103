package org.hotline.workorder.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.platform.DateOrInstant;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.platform.TimeParameters;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Inbox;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.IntakeDecision;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.Settlement;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderNumberParameter;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.SupervisionLists;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The work-order REST API under {@code /api/v1/orders}. Every action is a POST to a sub-resource named after
 * it; an optional {@code If-Match} header carrying the version the client saw turns a concurrent change into
 * a 409 instead of acting on a stale view.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "工单", description = "Work orders: intake, dispatch, handling, reply, redo, close")
class WorkOrderController {

    static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    private final WorkOrderService service;
    private final Attachments attachments;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ObjectMapper json;
    private final DataSize maxUpload;

    WorkOrderController(WorkOrderService service, Attachments attachments, Deadlines deadlines, Clock clock,
            ObjectMapper json, @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
        this.maxUpload = maxUpload;
        this.service = service;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------- requests

    record CitizenRequest(@Size(max = 50, message = "姓名不能超过 50 个字符") String name,
            @Pattern(regexp = PHONE, message = "不是有效的手机号或固定电话") String phone, Boolean confidential) {
    }

    record LocationRequest(@Size(max = 200, message = "地址不能超过 200 个字符") String address,
            @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间")
            @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") Double latitude,
            @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间")
            @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") Double longitude) {

        @AssertTrue(message = "经纬度必须同时填写")
        boolean isCoordinatesComplete() {
            return (latitude == null) == (longitude == null);
        }
    }

    record RegisterRequest(@NotNull(message = "必须填写") Channel channel,
            @NotNull(message = "必须填写") AppealType appealType,
            @NotNull(message = "必须填写") @Valid CitizenRequest citizen,
            @NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") String content,
            @Valid LocationRequest location,
            @Size(max = 32, message = "不能超过 32 个字符") String categoryCode, Urgency urgency,
            @Size(max = 4000, message = "不能超过 4000 个字符") String intakeAnswer,
            @Valid TriageDecisionRequest triage) {
    }

    /**
     * The operator's triage decision (分流): DISPATCH (the normal path, whatever triage suggested), KNOWLEDGE (with
     * intakeAnswer, and the knowledge entry it came from), EMERGENCY (service 110/119/120/122 or its name; the
     * call was transferred), OTHER_CHANNEL (route and the explanation the citizen was given) or INVALID
     * (invalidReason). Without it, triage's suggestion stands: an appeal it says is not for dispatch is registered
     * and held for a person, never settled by itself.
     */
    record TriageDecisionRequest(@NotNull(message = "必须填写") TriageOutcome decision,
            @Size(max = 16, message = "不能超过 16 个字符") String service, ProperRoute route,
            InvalidReason invalidReason,
            @Size(max = 4000, message = "不能超过 4000 个字符") String explanation,
            @Size(max = 2000, message = "不能超过 2000 个字符") String note,
            @Size(max = 64, message = "不能超过 64 个字符") String knowledgeEntry) {
    }

    record DispatchRequest(@NotBlank(message = "必须指定主办单位") String leadUnit,
            @Size(max = 10, message = "协办单位最多 10 个") List<@NotBlank(message = "不能为空") String> coUnits,
            String categoryCode, @Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record ReturnRequest(@NotNull(message = "必须填写") ReturnReason reason,
            @NotBlank(message = "必须写明建议的承办单位") String suggestedUnit,
            @NotBlank(message = "必须说明理由") @Size(max = 2000, message = "不能超过 2000 个字符") String explanation) {
    }

    record ReturnDecisionRequest(@NotNull(message = "必须填写") Boolean approve, String newLeadUnit,
            @Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record CoUnitRequest(@NotBlank(message = "必须指定单位") String unit,
            @Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record ContributionRequest(@NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符")
            String contribution) {
    }

    record ReasonRequest(@NotBlank(message = "必须说明理由") @Size(max = 2000, message = "不能超过 2000 个字符")
            String reason) {
    }

    /** The director's override: the reason is required, by the close rule (409), so the body may be empty. */
    record CloseRequest(@Size(max = 2000, message = "不能超过 2000 个字符") String reason) {
    }

    // The most working days is a rule of the configured deadlines (hotline.deadline.max-extension-days), checked
    // against what the order has used already: the work order refuses more with the configured figure (409).
    record ExtensionRequest(@NotNull(message = "必须填写") @Min(value = 1, message = "至少 1 个工作日")
            Integer workingDays,
            @NotBlank(message = "必须说明理由") @Size(max = 2000, message = "不能超过 2000 个字符") String reason) {
    }

    record DecisionRequest(@NotNull(message = "必须填写") Boolean approve,
            @Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record MergeRequest(@NotBlank(message = "必须指定主工单") String master,
            @Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    record NoteRequest(@NotBlank(message = "必须填写") @Size(max = 2000, message = "不能超过 2000 个字符") String text) {
    }

    record ReplyRequest(@NotNull(message = "必须填写") ReplyOutcome outcome,
            @NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") String publicReply,
            @Size(max = 4000, message = "不能超过 4000 个字符") String actionsTaken,
            @Size(max = 4000, message = "不能超过 4000 个字符") String internalNote, Boolean citizenContacted) {
    }

    // ---------------------------------------------------------------- intake and reading

    @PostMapping
    @Operation(summary = "受理：登记一个诉求（带 intakeAnswer 的咨询直接答复办结）",
            description = "Send an Idempotency-Key header to make retries safe: the same key returns the same order.")
    ResponseEntity<OrderViews.OrderView> register(@Valid @RequestBody RegisterRequest r,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Actor actor) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new InvalidInputException("Idempotency-Key", "长度应为 1 到 100 个字符");
        }
        WorkOrder.Appeal appeal = appeal(r);
        String fingerprint = idempotencyKey == null ? null : fingerprint(r);
        IntakeDecision decision = decision(r.triage(), blankToNull(r.intakeAnswer()));
        WorkOrderService.Intake intake = service.intake(appeal, decision, actor, idempotencyKey, fingerprint);
        OrderViews.OrderView view = OrderViews.of(intake.order(), actor, clock.instant(), deadlines,
                intake.triage());
        ResponseEntity.BodyBuilder response = intake.replayed() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/orders/" + view.number()));
        return response.eTag(etag(view.version())).body(view);
    }

    /**
     * The appeal a valid intake request describes, for the API and the console's intake form alike: a phone call
     * must carry the caller's number.
     */
    static WorkOrder.Appeal appeal(RegisterRequest r) {
        if (r.channel() == Channel.PHONE && (r.citizen().phone() == null || r.citizen().phone().isBlank())) {
            throw new InvalidInputException("citizen.phone", "电话渠道必须登记来电号码");
        }
        return new WorkOrder.Appeal(r.channel(), r.appealType(),
                new Citizen(blankToNull(r.citizen().name()), blankToNull(r.citizen().phone()),
                        Boolean.TRUE.equals(r.citizen().confidential())),
                r.content().strip(),
                r.location() == null ? Location.none()
                        : new Location(blankToNull(r.location().address()), r.location().latitude(),
                                r.location().longitude()),
                blankToNull(r.categoryCode()), r.urgency());
    }

    @GetMapping
    @Operation(summary = "查询工单：状态、单位、分类、渠道、日期、超期、关键词、待审批延期；来电号码、来电人（仅限可回访群众的中心岗位）",
            description = "phone: the caller's full number (spaces and dashes ignored); caller: the beginning of the"
                    + " caller's name. Only operators, dispatchers, reviewers, supervisors and the director may use"
                    + " them; anyone else gets 403.")
    OrderViews.PageView search(@RequestParam(required = false) Set<OrderStatus> status,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) AppealType appealType,
            @RequestParam(required = false) @DateOrInstant(TimeParameters.Edge.START_OF_DAY)
            @Parameter(description = "起始：日期（2026-12-01，当天零点起）或带时区的时间", schema = @Schema(type = "string"))
            Instant from,
            @RequestParam(required = false) @DateOrInstant(TimeParameters.Edge.END_OF_DAY)
            @Parameter(description = "截止：日期（2026-12-07，含当天）或带时区的时间（不含）", schema = @Schema(type = "string"))
            Instant to,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = OrderQuery.MAX_SIZE, message = "不能超过 200") int size,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String caller,
            @RequestParam(required = false) @Parameter(description = "true：只列出延期申请待中心审批的工单")
            Boolean extensionPending,
            Actor actor) {
        if (q != null && q.length() > 100) {
            throw new InvalidInputException("q", "关键词不能超过 100 个字符");
        }
        OrderQuery query = new OrderQuery(status, unit == null || unit.isBlank() ? null : new UnitId(unit),
                blankToNull(category), channel, appealType, from, to, overdue, blankToNull(q), null, page, size)
                .byCaller(phone == null || phone.isBlank() ? null : callerPhone("phone", phone), callerName(caller));
        if (Boolean.TRUE.equals(extensionPending)) {
            query = query.withExtensionPending();
        }
        return OrderViews.of(service.search(query, actor), actor);
    }

    @GetMapping("/inbox")
    @Operation(summary = "待办：本单位主办的在办工单（按下一个时限排序）和待提交的协办部分，含各类计数（仅承办单位）",
            description = "filter: ALL, TO_ACKNOWLEDGE, HANDLING, AT_RISK, OVERDUE, CO_UNIT, REDO; page pages the led"
                    + " orders, partsPage the co-unit parts.")
    OrderViews.InboxView inbox(@RequestParam(defaultValue = "ALL") Inbox.Filter filter,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int partsPage,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = OrderQuery.MAX_SIZE, message = "不能超过 200") int size,
            Actor actor) {
        return OrderViews.of(service.inbox(filter, page, partsPage, size, actor), actor);
    }

    @GetMapping("/supervision")
    @Operation(summary = "督办清单：跨单位的超期、临期、签收超期和重办两次以上的工单，可按主办单位、分类筛选，按时限或单位排序"
            + "（督办员、中心主任）")
    OrderViews.SupervisionView supervision(
            @RequestParam(defaultValue = "OVERDUE") SupervisionLists.Kind kind,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "DEADLINE") SupervisionLists.Sort sort,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = OrderQuery.MAX_SIZE, message = "不能超过 200") int size,
            Actor actor) {
        return OrderViews.of(service.supervision(new SupervisionLists.Query(kind,
                unit == null || unit.isBlank() ? null : new UnitId(unit.strip()), blankToNull(category), sort, page,
                size), actor), actor);
    }

    /** The operator's decision at intake; a field that does not go with it is bad input (400) and changes nothing. */
    private static IntakeDecision decision(TriageDecisionRequest t, String answer) {
        if (t == null) {
            return IntakeDecision.of(answer);
        }
        if (answer != null && t.decision() != TriageOutcome.KNOWLEDGE) {
            throw new InvalidInputException("intakeAnswer", "只有直接答复（triage.decision 为 KNOWLEDGE）时填写答复内容");
        }
        return switch (t.decision()) {
            case DISPATCH -> IntakeDecision.dispatch();
            case KNOWLEDGE -> IntakeDecision.answer(answer, blankToNull(t.knowledgeEntry()));
            default -> IntakeDecision.settle(settlement(t, "triage."));
        };
    }

    /** A settlement from the request; KNOWLEDGE and DISPATCH are no settlement of a registered order. */
    private static Settlement settlement(TriageDecisionRequest t, String prefix) {
        return switch (t.decision()) {
            case EMERGENCY -> new Settlement.Referral(t.service() == null || t.service().isBlank() ? null
                    : EmergencyService.of(t.service().strip()).orElseThrow(() -> new InvalidInputException(
                            prefix + "service", "应为 110、119、120、122 之一（或 POLICE、FIRE、AMBULANCE、TRAFFIC）")),
                    blankToNull(t.note()));
            case OTHER_CHANNEL -> new Settlement.Redirection(t.route(), blankToNull(t.explanation()));
            case INVALID -> new Settlement.Invalid(t.invalidReason(), blankToNull(t.note()));
            case KNOWLEDGE, DISPATCH -> throw new InvalidInputException(prefix + "decision",
                    "已受理的工单只能按紧急转接（EMERGENCY）、其他途径（OTHER_CHANNEL）或无效诉求（INVALID）分流办结；"
                            + "派单请用 dispatch，直接答复只在受理时");
        };
    }

    /** The caller's number as digits: spaces and dashes (and a leading +86) do not matter. */
    static String callerPhone(String field, String phone) {
        return Citizen.normalisePhone(phone)
                .orElseThrow(() -> new InvalidInputException(field, "不是有效的手机号或固定电话"));
    }

    private static String callerName(String caller) {
        String name = blankToNull(caller);
        if (name != null && name.length() > 50) {
            throw new InvalidInputException("caller", "姓名不能超过 50 个字符");
        }
        return name;
    }

    @GetMapping("/{number}")
    ResponseEntity<OrderViews.OrderView> get(@PathVariable String number, Actor actor) {
        OrderNumber n = number(number);
        WorkOrder order = service.find(n, actor);
        OrderViews.OrderView view = OrderViews.of(order, actor, clock.instant(), deadlines,
                actor.isCenter() ? service.triageOf(order).orElse(null) : null);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    @GetMapping("/{number}/history")
    @Operation(summary = "工单流转记录（只增不改）")
    List<OrderViews.HistoryView> history(@PathVariable String number, Actor actor) {
        return service.history(number(number), actor).stream().map(OrderViews::history).toList();
    }

    @GetMapping("/{number}/merged")
    @Operation(summary = "并入本工单的重复诉求")
    List<String> merged(@PathVariable String number, Actor actor) {
        return service.mergedInto(number(number), actor).stream().map(o -> o.number().value()).toList();
    }

    // ---------------------------------------------------------------- transitions

    @PostMapping("/{number}/dispatch")
    @Operation(summary = "派单：指定主办单位和协办单位")
    ResponseEntity<OrderViews.OrderView> dispatch(@PathVariable String number, @Valid @RequestBody DispatchRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        List<UnitId> co = r.coUnits() == null ? List.of() : r.coUnits().stream().map(UnitId::new).toList();
        return ok(service.dispatch(number(number), new UnitId(r.leadUnit()), co, blankToNull(r.categoryCode()),
                r.note(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/triage-decision")
    @Operation(summary = "分流办结：已受理、尚未派单的工单按紧急转接、告知其他途径或无效诉求办结（不派单）",
            description = "For an order triage held for a person (GET /api/v1/triage/held) or any registered order:"
                    + " decision EMERGENCY with service (110/119/120/122), OTHER_CHANNEL with route and the"
                    + " explanation given, INVALID with invalidReason; note: the person's own words.")
    ResponseEntity<OrderViews.OrderView> decideTriage(@PathVariable String number,
            @Valid @RequestBody TriageDecisionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.settle(number(number), settlement(r, ""), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/acknowledge")
    @Operation(summary = "签收")
    ResponseEntity<OrderViews.OrderView> acknowledge(@PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.acknowledge(number(number), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/return-request")
    @Operation(summary = "申请退回（仅限非本单位职责，派单后 hotline.deadline.return-request-days 个工作日内"
            + "（默认 2），每单一次）")
    ResponseEntity<OrderViews.OrderView> requestReturn(@PathVariable String number, @Valid @RequestBody ReturnRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.requestReturn(number(number), r.reason(), new UnitId(r.suggestedUnit()), r.explanation(),
                actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/return-decision")
    @Operation(summary = "退回审核：同意并改派，或驳回")
    ResponseEntity<OrderViews.OrderView> decideReturn(@PathVariable String number,
            @Valid @RequestBody ReturnDecisionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        UnitId newLead = r.newLeadUnit() == null || r.newLeadUnit().isBlank() ? null : new UnitId(r.newLeadUnit());
        return ok(service.decideReturn(number(number), r.approve(), newLead, r.note(), actor, version(ifMatch)),
                actor);
    }

    @PostMapping("/{number}/co-units")
    @Operation(summary = "增加协办单位（联办）")
    ResponseEntity<OrderViews.OrderView> addCoUnit(@PathVariable String number, @Valid @RequestBody CoUnitRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.addCoUnit(number(number), new UnitId(r.unit()), r.note(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/co-unit/acknowledge")
    @Operation(summary = "协办签收")
    ResponseEntity<OrderViews.OrderView> acknowledgeAsCoUnit(@PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.acknowledgeAsCoUnit(number(number), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/co-unit/submit")
    @Operation(summary = "提交协办意见")
    ResponseEntity<OrderViews.OrderView> submitCoUnitPart(@PathVariable String number,
            @Valid @RequestBody ContributionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.submitCoUnitPart(number(number), r.contribution(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/co-unit/decline")
    @Operation(summary = "拒绝协办（记为不配合并上报）")
    ResponseEntity<OrderViews.OrderView> declineAsCoUnit(@PathVariable String number,
            @Valid @RequestBody ReasonRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.declineAsCoUnit(number(number), r.reason(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/extension-request")
    @Operation(summary = "申请延期（累计不超过 hotline.deadline.max-extension-days 个工作日，默认 10）")
    ResponseEntity<OrderViews.OrderView> requestExtension(@PathVariable String number,
            @Valid @RequestBody ExtensionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.requestExtension(number(number), r.workingDays(), r.reason(), actor, version(ifMatch)),
                actor);
    }

    @PostMapping("/{number}/extension-decision")
    @Operation(summary = "延期审批")
    ResponseEntity<OrderViews.OrderView> decideExtension(@PathVariable String number,
            @Valid @RequestBody DecisionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.decideExtension(number(number), r.approve(), r.note(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/supervision")
    @Operation(summary = "督办")
    ResponseEntity<OrderViews.OrderView> supervise(@PathVariable String number, @Valid @RequestBody ReasonRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.supervise(number(number), r.reason(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/merge")
    @Operation(summary = "并单：把本工单并入主工单")
    ResponseEntity<OrderViews.OrderView> merge(@PathVariable String number, @Valid @RequestBody MergeRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        if (!OrderNumber.isWellFormed(r.master())) {
            throw new InvalidInputException("master", "不是有效的工单编号：" + r.master());
        }
        return ok(service.merge(number(number), new OrderNumber(r.master()), r.note(), actor, version(ifMatch)),
                actor);
    }

    @PostMapping("/{number}/notes")
    @Operation(summary = "办理记录：主办或协办单位办理中的内部记录（仅中心和本单位可见，不对市民公开）")
    ResponseEntity<OrderViews.OrderView> addNote(@PathVariable String number, @Valid @RequestBody NoteRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.addNote(number(number), r.text(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/reply")
    @Operation(summary = "答复")
    ResponseEntity<OrderViews.OrderView> reply(@PathVariable String number, @Valid @RequestBody ReplyRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        WorkOrder.ReplyContent content = new WorkOrder.ReplyContent(r.outcome(), r.publicReply(), r.actionsTaken(),
                r.internalNote(), Boolean.TRUE.equals(r.citizenContacted()));
        return ok(service.reply(number(number), content, actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/redo")
    @Operation(summary = "重办：审核不通过或群众不满意，退回原单位重新办理")
    ResponseEntity<OrderViews.OrderView> redo(@PathVariable String number, @Valid @RequestBody ReasonRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.redo(number(number), r.reason(), actor, version(ifMatch)), actor);
    }

    @PostMapping("/{number}/close")
    @Operation(summary = "主任决定办结：已答复的工单经审核回访后自动办结；此处仅限中心主任说明理由（reason）后直接办结，"
            + "记入流转记录并计入统计，其他人员一律 409")
    ResponseEntity<OrderViews.OrderView> close(@PathVariable String number,
            @Valid @RequestBody(required = false) CloseRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        return ok(service.overrideClose(number(number), r == null ? null : r.reason(), actor, version(ifMatch)),
                actor);
    }

    // ---------------------------------------------------------------- attachments

    @PostMapping(path = "/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传附件（照片或 PDF，单个不超过 10 MB；按文件内容识别类型，照片去除拍摄位置）")
    ResponseEntity<Attachments.Stored> upload(@PathVariable String number, @RequestPart("file") MultipartFile file,
            Actor actor) throws IOException {
        OrderNumber n = number(number);
        // The type and the name come from the file's bytes and a checked name, never from the client's word.
        AttachmentFiles.Accepted accepted = AttachmentFiles.accept("file", file, maxUpload);
        Attachments.Stored stored = service.attach(n, accepted.name(), accepted.contentType(), accepted.data(), actor);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + n + "/attachments/" + stored.id())).body(stored);
    }

    @GetMapping("/{number}/attachments")
    List<Attachments.Stored> attachments(@PathVariable String number, Actor actor) {
        OrderNumber n = number(number);
        service.find(n, actor);
        return attachments.of(n);
    }

    @GetMapping("/{number}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable String id, Actor actor) {
        OrderNumber n = number(number);
        service.find(n, actor);
        Attachments.Stored meta = attachments.of(n).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("附件不存在"));
        byte[] data = attachments.content(n, id).orElseThrow(() -> new NotFoundException("附件不存在"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(meta.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .body(data);
    }

    // ---------------------------------------------------------------- helpers

    private ResponseEntity<OrderViews.OrderView> ok(WorkOrder order, Actor actor) {
        // The stored version went up by one with this change.
        OrderViews.OrderView view = view(order, actor);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    private OrderViews.OrderView view(WorkOrder order, Actor actor) {
        return OrderViews.of(order, actor, clock.instant(), deadlines, null);
    }

    private static OrderNumber number(String number) {
        return OrderNumberParameter.parse(number);
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
            throw new InvalidInputException("If-Match", "应为工单版本号，例如 \"3\"");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String fingerprint(RegisterRequest r) {
        try {
            byte[] body = json.writeValueAsBytes(r);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
