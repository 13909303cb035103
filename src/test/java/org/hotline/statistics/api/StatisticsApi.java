package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The statistics API as the demo users call it, and the exported workbooks opened with POI. */
final class StatisticsApi {

    static final String PASSWORD = "demo123";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MockMvc mvc;

    StatisticsApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(user, PASSWORD)));
    }

    String json(String user, String path) throws Exception {
        return get(user, path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Downloads an export, checks that it is an .xlsx attachment, and opens it. */
    Workbook xlsx(String user, String path) throws Exception {
        MockHttpServletResponse response = get(user, path).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(XLSX);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains(".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    /** A row of a sheet as the text a user reads (numbers as numbers, without trailing .0). */
    static List<Object> row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        List<Object> values = new ArrayList<>();
        if (row == null) {
            return values;
        }
        for (int i = 0; i < row.getLastCellNum(); i++) {
            values.add(value(row.getCell(i)));
        }
        return values;
    }

    static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            return d == Math.rint(d) ? (Object) (long) d : (Object) d;
        }
        String s = cell.getStringCellValue();
        return s.isEmpty() ? null : s;
    }

    /** Every cell's text in the workbook, for checks that something appears nowhere. */
    static String everyCell(Workbook workbook) {
        StringBuilder all = new StringBuilder();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    all.append(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
                            : cell.toString()).append('\t');
                }
                all.append('\n');
            }
        }
        return all.toString();
    }

    /** The last row with content, e.g. the total. */
    static int lastRow(Sheet sheet) {
        return sheet.getLastRowNum();
    }

    static String url(String path, String query) {
        return "/api/v1/statistics/" + path + (query.isEmpty() ? "" : "?" + query);
    }
}
