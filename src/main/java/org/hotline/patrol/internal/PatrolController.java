package org.hotline.patrol.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.patrol.PatrolCoverage;
import org.hotline.patrol.PatrolKind;
import org.hotline.patrol.PatrolReport;
import org.hotline.patrol.PatrolService;
import org.hotline.patrol.ReporterTally;
import org.hotline.patrol.TownPatrol;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.Evidence;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 巡查上报 over REST: field reporters file reports (JSON, or multipart with a {@code report} JSON part and
 * {@code photos}) and read their own counts; the center and the towns read the towns' reporters ranked, with
 * counts, shortfalls and coverage.
 */
@RestController
@RequestMapping("/api/v1/patrol")
@Tag(name = "巡查上报", description = "Patrol reports by field reporters; quotas, town rankings, coverage")
class PatrolController {

    record ReportRequest(@NotNull PatrolKind kind, @NotNull @Size(max = 2000) String text,
            @Size(max = 200) String address, Double latitude, Double longitude, boolean needsAction) {

        PatrolService.NewReport toNew() {
            return new PatrolService.NewReport(kind, text, address, latitude, longitude, needsAction);
        }
    }

    record Mine(ReporterTally tally, List<PatrolReport> recent) {
    }

    private final PatrolService patrol;
    private final Clock clock;

    PatrolController(PatrolService patrol, Clock clock) {
        this.patrol = patrol;
        this.clock = clock;
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PatrolReport> report(@Valid @RequestBody ReportRequest request, Actor actor) {
        return created(patrol.report(request.toNew(), List.of(), actor));
    }

    @PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PatrolReport> reportWithPhotos(@Valid @RequestPart("report") ReportRequest request,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos, Actor actor)
            throws IOException {
        return created(patrol.report(request.toNew(), evidence(photos), actor));
    }

    @GetMapping("/me")
    Mine mine(Actor actor) {
        return new Mine(patrol.mine(actor), patrol.myRecent(actor, 20));
    }

    @GetMapping("/towns")
    List<TownPatrol> towns(@RequestParam(required = false) LocalDate day, Actor actor) {
        return patrol.towns(day == null ? LocalDate.now(clock) : day, actor);
    }

    @GetMapping("/towns/{unit}")
    TownPatrol town(@PathVariable String unit, @RequestParam(required = false) LocalDate day, Actor actor) {
        return patrol.town(new UnitId(unit), day == null ? LocalDate.now(clock) : day, actor);
    }

    /** 巡查覆盖率 of a town for a month (as of today, or the month's end once it is over): for the center. */
    @GetMapping("/towns/{unit}/coverage")
    PatrolCoverage coverage(@PathVariable String unit, @RequestParam(required = false) YearMonth month,
            Actor actor) {
        if (!actor.isCenter()) {
            throw new ForbiddenException("not-permitted", "只有热线中心可以查看巡查覆盖率");
        }
        patrol.town(new UnitId(unit), LocalDate.now(clock), actor); // 404 for a unit that is not a town
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        return patrol.coverage(new UnitId(unit), m, LocalDate.now(clock));
    }

    static List<Evidence> evidence(List<MultipartFile> photos) throws IOException {
        List<Evidence> evidence = new ArrayList<>();
        for (MultipartFile p : photos == null ? List.<MultipartFile>of() : photos) {
            if (!p.isEmpty()) {
                if (evidence.size() >= PatrolService.MAX_PHOTOS) {
                    throw new InvalidInputException("photos", "每次最多上传 " + PatrolService.MAX_PHOTOS + " 张照片");
                }
                evidence.add(Evidence.accept("photos", p.getOriginalFilename(), p.getBytes()));
            }
        }
        return evidence;
    }

    private static ResponseEntity<PatrolReport> created(PatrolReport report) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(report);
    }
}
