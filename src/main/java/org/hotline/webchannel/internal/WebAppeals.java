package org.hotline.webchannel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hotline.notification.Medium;
import org.hotline.notification.NotificationKind;
import org.hotline.notification.Notifications;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.hotline.platform.AttemptLimiter;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TextChecks;
import org.hotline.webchannel.OneTimeCode;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Evidence;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 市民网上诉求: a citizen confirms their mobile number with a one-time code, then files the appeal, which is
 * registered as an ordinary order on channel WEB (the AI dispatches it like any other) with the photos in the same
 * transaction.
 *
 * <p>What keeps a stranger from abusing a public form: codes go only to mobile numbers, at most
 * {@code codes-per-phone} per phone an hour (counted in the database, across instances) and
 * {@code codes-per-client} per client address; a code expires after {@code code-valid-for} and takes
 * {@code code-attempts} tries; failed submissions per client address are limited like the case lookup's; photos are
 * sniffed by their bytes and lose their location (the upload checks every upload passes). Sending the same form
 * twice (a double tap, a reload) files one order: the challenge is the order's idempotency key.
 */
@Service
class WebAppeals {

    /** The platform's actor for what citizens file on the web page. */
    static final Actor WEB = new Actor(Actor.WEB_CHANNEL, "市民网上诉求", Role.OPERATOR, null);

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Set<AppealType> TYPES = Set.of(AppealType.COMPLAINT, AppealType.HELP_REQUEST,
            AppealType.INQUIRY, AppealType.SUGGESTION, AppealType.REPORT);

    /** A file as the form sent it. */
    record Upload(String clientName, byte[] data) {
    }

    /** The appeal form, as typed. */
    record Form(String challenge, String code, String appealType, String content, String district, String street,
            String community, String detail, String name, boolean confidential) {
    }

    /** A limit was reached: the page answers 429 with the reason. */
    static final class Throttled extends RuntimeException {
        Throttled(String reason) {
            super(reason);
        }
    }

    private final WorkOrderService orders;
    private final Notifications notifications;
    private final Challenges challenges;
    private final Units units;
    private final Clock clock;
    private final Duration validFor;
    private final int maxAttempts;
    private final int codesPerPhone;
    private final int maxPhotos;
    private final String district;
    private final AttemptLimiter codesPerClient;
    private final AttemptLimiter failuresPerClient;

    WebAppeals(WorkOrderService orders, Notifications notifications, Challenges challenges, Units units, Clock clock,
            @Value("${hotline.web-appeal.code-valid-for:PT5M}") Duration validFor,
            @Value("${hotline.web-appeal.code-attempts:5}") int maxAttempts,
            @Value("${hotline.web-appeal.codes-per-phone:5}") int codesPerPhone,
            @Value("${hotline.web-appeal.codes-per-client:10}") int codesPerClient,
            @Value("${hotline.web-appeal.max-failures:20}") int maxFailures,
            @Value("${hotline.web-appeal.max-photos:3}") int maxPhotos,
            @Value("${hotline.web-appeal.district:东昌府区}") String district) {
        this.orders = orders;
        this.notifications = notifications;
        this.challenges = challenges;
        this.units = units;
        this.clock = clock;
        this.validFor = validFor;
        this.maxAttempts = maxAttempts;
        this.codesPerPhone = codesPerPhone;
        this.maxPhotos = maxPhotos;
        this.district = district;
        this.codesPerClient = new AttemptLimiter(codesPerClient, Duration.ofHours(1), 100_000, clock);
        this.failuresPerClient = new AttemptLimiter(maxFailures, Duration.ofMinutes(15), 100_000, clock);
    }

    // ---------------------------------------------------------------- step 1: the code

    /** Sends a code to the phone; returns the challenge the form carries on. */
    String sendCode(String phoneAsTyped, String client) {
        String phone = Citizen.normalisePhone(phoneAsTyped).filter(p -> MOBILE.matcher(p).matches())
                .orElseThrow(() -> new InvalidInputException("phone", "请填写 11 位手机号码，验证码将以短信发送"));
        String clientKey = "ip:" + client;
        if (codesPerClient.isBlocked(clientKey)) {
            throw new Throttled("获取验证码过于频繁，请 1 小时后再试。如需帮助请拨打 12345。");
        }
        Instant now = clock.instant();
        if (challenges.sentTo(phone, now.minus(Duration.ofHours(1))) >= codesPerPhone) {
            throw new Throttled("该手机号获取验证码过于频繁，请 1 小时后再试。");
        }
        codesPerClient.recordFailure(clientKey); // every code counts against the client's allowance
        OneTimeCode.Issued issued = OneTimeCode.issue(now, validFor);
        String id = UUID.randomUUID().toString();
        challenges.add(id, phone, issued.code(), now);
        notifications.sendNow(NotificationKind.VERIFICATION_CODE, Medium.SMS, phone,
                "【12345】您的验证码为 " + issued.digits() + "，" + validFor.toMinutes()
                        + " 分钟内有效。如非本人操作，请忽略本短信。", "CODE:" + id);
        return id;
    }

    /** The masked phone a challenge's code went to, for the form's second step; empty for an unknown challenge. */
    java.util.Optional<String> maskedPhone(String challenge) {
        return validId(challenge) ? challenges.find(challenge).map(c -> Citizen.mask(c.phone()))
                : java.util.Optional.empty();
    }

    // ---------------------------------------------------------------- step 2: the appeal

    /** Files the appeal; returns its order number (the earlier one, for a form sent again). */
    OrderNumber file(Form form, List<Upload> photos, String client) {
        String clientKey = "ip:" + client;
        if (failuresPerClient.isBlocked(clientKey)) {
            throw new Throttled("提交失败次数过多，请 " + failuresPerClient.window().toMinutes() + " 分钟后再试。如需帮助请拨打 12345。");
        }
        try {
            return fileChecked(form, photos);
        } catch (InvalidInputException e) {
            failuresPerClient.recordFailure(clientKey);
            throw e;
        }
    }

    private OrderNumber fileChecked(Form form, List<Upload> photos) {
        Challenges.Challenge challenge = (validId(form.challenge()) ? challenges.find(form.challenge())
                : java.util.Optional.<Challenges.Challenge>empty())
                .orElseThrow(() -> new InvalidInputException("code", "验证码已失效，请重新获取"));
        String code = form.code() == null ? "" : form.code().strip();
        if (!SIX_DIGITS.matcher(code).matches()) {
            throw new InvalidInputException("code", "请填写短信中的 6 位数字验证码");
        }
        WorkOrder.Appeal appeal = appeal(form, challenge.phone());
        List<Evidence> evidence = evidence(photos);
        // a form sent again with its (right) code: the order the first one filed, whatever the code's age
        if (challenge.verifiedAt() == null || !challenge.code().matches(code)) {
            verify(challenge, code);
        }
        WorkOrderService.Intake intake = orders.register(appeal, null, WEB, "web:" + challenge.id(), challenge.id(),
                evidence);
        challenges.filed(challenge.id(), intake.order().number().value());
        return intake.order().number();
    }

    private void verify(Challenges.Challenge challenge, String code) {
        OneTimeCode.Check check = challenge.code().check(code, clock.instant(), maxAttempts);
        if (check == OneTimeCode.Check.EXPIRED || check == OneTimeCode.Check.NO_TRIES_LEFT) {
            throw new InvalidInputException("code", check.reason());
        }
        if (!challenges.takeTry(challenge.id(), maxAttempts)) {
            throw new InvalidInputException("code", OneTimeCode.Check.NO_TRIES_LEFT.reason());
        }
        if (check == OneTimeCode.Check.WRONG) {
            int left = maxAttempts - challenge.code().attempts() - 1;
            throw new InvalidInputException("code", left > 0 ? check.reason() + "（还可尝试 " + left + " 次）"
                    : OneTimeCode.Check.NO_TRIES_LEFT.reason());
        }
        challenges.verified(challenge.id(), clock.instant());
    }

    private WorkOrder.Appeal appeal(Form form, String phone) {
        AppealType type = TYPES.stream().filter(t -> t.name().equals(form.appealType())).findFirst()
                .orElseThrow(() -> new InvalidInputException("appealType", "请选择诉求类型"));
        String content = text("content", form.content(), 2000);
        if (content == null || content.length() < 5) {
            throw new InvalidInputException("content", "请描述您的诉求，至少 5 个字");
        }
        if (!district.equals(form.district())) {
            throw new InvalidInputException("district", "请选择所在区县");
        }
        String street = form.street();
        if (street == null || streets().stream().noneMatch(street::equals)) {
            throw new InvalidInputException("street", "请选择所在镇街");
        }
        String community = text("community", form.community(), 50);
        String detail = text("detail", form.detail(), 100);
        if (detail == null) {
            throw new InvalidInputException("detail", "请填写详细地址，如路名、门牌号、小区楼栋");
        }
        String name = text("name", form.name(), 20);
        String address = district + street + (community == null ? "" : community) + detail;
        return new WorkOrder.Appeal(Channel.WEB, type, new Citizen(name, phone, form.confidential()), content,
                new Location(address, null, null), null, Urgency.NORMAL);
    }

    private List<Evidence> evidence(List<Upload> photos) {
        List<Upload> given = photos.stream().filter(p -> p.data().length > 0).toList();
        if (given.size() > maxPhotos) {
            throw new InvalidInputException("photos", "最多上传 " + maxPhotos + " 张照片");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Upload p : given) {
            Evidence e = Evidence.accept("photos", p.clientName(), p.data());
            if (!e.isPhoto()) {
                throw new InvalidInputException("photos", "只能上传照片（JPEG、PNG、WebP、GIF、HEIC）");
            }
            evidence.add(e);
        }
        return evidence;
    }

    /** The district's towns and street offices, as the form's choice of 镇街. */
    List<String> streets() {
        return units.all().stream().filter(u -> u.kind() == UnitKind.TERRITORIAL && u.active()).map(Unit::name)
                .toList();
    }

    String district() {
        return district;
    }

    List<AppealType> types() {
        return List.of(AppealType.HELP_REQUEST, AppealType.COMPLAINT, AppealType.REPORT, AppealType.INQUIRY,
                AppealType.SUGGESTION);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        TextChecks.check(field, value);
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字");
        }
        return v;
    }

    private static boolean validId(String id) {
        return id != null && id.matches("[0-9a-f-]{36}");
    }
}
