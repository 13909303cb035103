package org.hotline.statistics.api;

import static org.hotline.statistics.api.StatisticsApi.url;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Bad parameters answer 400 with a problem detail naming the field, for the reports and their exports alike. */
@HotlineIntegrationTest
class StatisticsRefuseBadInputTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}?{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "volume-trend                | period=FORTNIGHT                       | period",
            "satisfaction-trend          | period=quarter                         | period",
            "volume-trend/export.xlsx    | period=FORTNIGHT                       | period",
            "volumes                     | from=2026-03-31&to=2026-03-01          | from",
            "overdue                     | from=2026-03-31&to=2026-03-01          | from",
            "year-over-year/export.xlsx  | from=2026-03-31&to=2026-03-01          | from",
            "volumes                     | from=2026-02-30                        | from",
            "volumes                     | to=yesterday                           | to",
            "volumes                     | from=2000-01-01&to=2026-01-01          | from",
            "volumes                     | unit=dcf-nowhere                       | unit",
            "overdue/export.xlsx         | unit=dcf-nowhere                       | unit",
            "volumes                     | category=99.99                         | category",
            "satisfaction-trend          | category=99                            | category",
            "volumes                     | by=COLOUR                              | by",
            "year-over-year              | by=COLOUR                              | by",
            "volumes                     | level=4                                | level",
            "volumes                     | level=one                              | level",
            "overdue                     | kind=LATE                              | kind",
            "overdue                     | size=500                               | size",
            "overdue                     | page=-1                                | page",
    })
    void badInputNamesTheField(String path, String query, String field) throws Exception {
        new StatisticsApi(mvc).get("director1", url(path, query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].problem").isNotEmpty());
    }

    @ParameterizedTest(name = "a unit user with {0}")
    @CsvSource({ "unit=dcf-nowhere, unit", "period=FORTNIGHT, period" })
    void unitUsersGetTheSameAnswer(String query, String field) throws Exception {
        new StatisticsApi(mvc).get("gulou-handler", url(query.startsWith("period") ? "volume-trend" : "volumes", query))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
