package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * First model at a fresh install with {@code --hotline.dispatch.training-file=PATH}: version 1 is trained from
 * that history (here a small file in the shared data's columns, with level-1 category names as labels),
 * not from the demo history. A database of its own, since it must start empty.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hotline-training-file;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TheTrainingFileTrainsTheFirstModelFromARealHistoryTest {

    private static final String[][] MESSAGES = {
            { "城乡建设", "小区物业乱收停车费", "物业未经业主同意占用公共区域收取停车费" },
            { "城乡建设", "楼房外墙脱落", "单元楼外墙皮脱落砸坏车辆，开发商不管" },
            { "城乡建设", "工地夜间施工", "工地晚上十一点后还在打桩施工，影响休息" },
            { "城乡建设", "老旧小区改造", "老旧小区改造施工质量差，道路挖开后一直没恢复" },
            { "环境保护", "工厂排放废气", "化工厂夜间偷排废气，气味刺鼻" },
            { "环境保护", "河水发黑发臭", "工厂往河里偷排污水，河水发黑发臭" },
            { "环境保护", "秸秆焚烧", "有人在田里焚烧秸秆，浓烟很大" },
            { "环境保护", "噪声污染", "石料厂粉碎机日夜运转噪声很大" },
            { "交通运输", "公交站点太远", "希望增设公交站点，出行不方便" },
            { "交通运输", "出租车拒载", "出租车司机拒载还绕路多收费" },
            { "交通运输", "道路坑洼", "村村通公路坑洼不平，下雨天泥泞难行" },
            { "交通运输", "货车超载", "大量超载货车通行把路面压坏" } };

    static final Path HISTORY = writeHistory();

    @DynamicPropertySource
    static void trainingFile(DynamicPropertyRegistry registry) {
        registry.add("hotline.dispatch.training-file", HISTORY::toString);
    }

    @Autowired
    FirstModel firstModel;
    @Autowired
    ModelVersions versions;
    @Autowired
    ModelRegistry registry;

    @Test
    void theFirstVersionIsTrainedFromTheNamedFileAndServed() throws Exception {
        Optional<Integer> trained = firstModel.done().get(3, TimeUnit.MINUTES);

        assertThat(trained).isPresent();
        ModelVersions.Version v = versions.find(trained.get()).orElseThrow();
        assertThat(v.examples()).isEqualTo(MESSAGES.length * 3);
        // the three first-level categories, narrowed by the directory's phrases where the unit changes: night-time
        // building work (01.02.01) and burning straw (05.01.03) are law enforcement's, a potholed road the housing
        // bureau's (07.03.03)
        assertThat(v.labels()).isEqualTo(6);
        assertThat(v.labelKind()).isEqualTo(LabelKind.CATEGORY);
        assertThat(v.note()).contains(HISTORY.getFileName().toString());
        assertThat(v.active()).isTrue();
        assertThat(registry.classify("", "工厂偷排污水，河水发臭").best().label()).isEqualTo("05");
    }

    private static Path writeHistory() {
        StringBuilder csv = new StringBuilder("id,label,subject,detail,text,tokens,time\n");
        int id = 1;
        // each message three times, worded a little differently, so that every label has enough examples
        for (String prefix : new String[] { "", "您好，", "反映：" }) {
            for (String[] m : MESSAGES) {
                csv.append(id++).append(',').append(m[0]).append(',').append(m[1]).append(',').append(prefix)
                        .append(m[2]).append(",,,2024-01-01 08:00:00\n");
            }
        }
        csv.append(id).append(",未知类别,无法识别,这一行的标签不在分类中,,,\n");
        try {
            Path file = Files.createTempFile("real-history", ".csv");
            file.toFile().deleteOnExit();
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
