package dev.modelrepo.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the sample's HTTP API on its embedded H2 database, seeded by the Liquibase changelog. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    private int port;

    private RestClient http;

    @BeforeEach
    void createClient() {
        this.http = RestClient.builder()
            .baseUrl("http://localhost:" + this.port)
            .defaultStatusHandler((status) -> true, (request, response) -> {
                // error statuses are asserted by the tests, not thrown
            })
            .build();
    }

    @Test
    void listsCompaniesByName() {
        ResponseEntity<List<Map<String, Object>>> response = getArray("/api/companies");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting((company) -> company.get("name"))
            .containsExactly("Acme Corp", "Globex", "Initech");
        assertThat(response.getBody()).extracting((company) -> company.get("industry"))
            .containsExactly("Manufacturing", "Technology", "Finance");
        assertThat(response.getBody().get(0)).containsOnlyKeys("id", "name", "industry");
    }

    @Test
    void getsOneCompanyById() {
        Object globexId = getArray("/api/companies").getBody()
            .stream()
            .filter((company) -> "Globex".equals(company.get("name")))
            .findFirst()
            .orElseThrow()
            .get("id");
        ResponseEntity<Map<String, Object>> response = getObject("/api/companies/" + globexId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("name", "Globex").containsEntry("industry", "Technology");
    }

    @Test
    void unknownCompanyIsNotFound() {
        ResponseEntity<Map<String, Object>> response = getObject("/api/companies/999999");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("detail", "No Company with id 999999").containsEntry("code", "not-found");
    }

    @Test
    void filtersByDepartmentAndMinimumSalarySortedBySalaryDescending() {
        Map<String, Object> page = getObject("/api/employees?department=Engineering&minSalary=80000&sort=salary,desc")
            .getBody();
        assertThat(names(page)).containsExactly("Carol Chen", "Hank Hill", "Alice Anders", "Ivy Ito");
        assertThat(page).containsEntry("total", 4).containsEntry("page", 0).containsEntry("size", 20);
    }

    @Test
    void pagesThroughTheFilteredEmployees() {
        String query = "/api/employees?department=Engineering&minSalary=80000&sort=salary,desc&size=2";
        assertThat(names(getObject(query + "&page=0").getBody())).containsExactly("Carol Chen", "Hank Hill");
        Map<String, Object> second = getObject(query + "&page=1").getBody();
        assertThat(names(second)).containsExactly("Alice Anders", "Ivy Ito");
        assertThat(second).containsEntry("total", 4).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(names(getObject(query + "&page=2").getBody())).isEmpty();
    }

    @Test
    void departmentFilterSpansCompaniesAndSortsAscendingByDefault() {
        Map<String, Object> page = getObject("/api/employees?department=Sales&minSalary=60000&sort=salary").getBody();
        assertThat(names(page)).containsExactly("Frank Fischer", "Olivia Ortiz", "Grace Green");
    }

    @Test
    void searchesByPartOfTheName() {
        Map<String, Object> page = getObject("/api/employees?q=Chen").getBody();
        assertThat(page).containsEntry("total", 1);
        Map<String, Object> carol = content(page).get(0);
        assertThat(carol).containsEntry("name", "Carol Chen")
            .containsEntry("email", "carol.chen@acme.example")
            .containsEntry("salary", 115000)
            .containsEntry("active", true)
            .containsEntry("hired_on", "2016-09-12");
    }

    @Test
    void eachEmployeeCarriesItsDepartment() {
        Map<String, Object> carol = content(getObject("/api/employees?q=Carol").getBody()).get(0);
        assertThat(carol).containsOnlyKeys("id", "department_id", "name", "email", "salary", "active", "hired_on",
                "department");
        @SuppressWarnings("unchecked")
        Map<String, Object> department = (Map<String, Object>) carol.get("department");
        assertThat(department).containsEntry("name", "Engineering").containsEntry("id", carol.get("department_id"));
    }

    @Test
    void withoutFiltersListsEveryEmployeeByName() {
        Map<String, Object> page = getObject("/api/employees").getBody();
        assertThat(page).containsEntry("total", 20);
        assertThat(names(page)).hasSize(20).startsWith("Alice Anders", "Bob Brown").endsWith("Tina Tran");
        assertThat(names(getObject("/api/employees?sort=salary,asc&size=3").getBody()))
            .containsExactly("Sam Stone", "Peter Gibbons", "Noah Nash");
    }

    @Test
    void unknownSortColumnIsABadRequestNamingTheColumn() {
        ResponseEntity<Map<String, Object>> response = getObject("/api/employees?sort=bogus,desc");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("'bogus'").contains("Employee");
    }

    @Test
    void sortColumnThatIsNotAnIdentifierIsABadRequest() {
        ResponseEntity<Map<String, Object>> response = getObject("/api/employees?sort=salary;drop table employees");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("salary;drop table employees");
    }

    @Test
    void unknownSortDirectionIsABadRequest() {
        ResponseEntity<Map<String, Object>> response = getObject("/api/employees?sort=salary,sideways");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("sideways");
    }

    @Test
    void pageSizeOutOfRangeIsABadRequest() {
        ResponseEntity<Map<String, Object>> response = getObject("/api/employees?size=0");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("size");
    }

    @Test
    void countsEmployeesPerDepartment() {
        ResponseEntity<List<Map<String, Object>>> response = getArray("/api/stats/departments");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> rows = response.getBody();
        assertThat(rows).hasSize(6);
        assertThat(rows).extracting((row) -> row.get("department"))
            .containsExactly("Engineering", "Sales", "Engineering", "Research", "Sales", "Operations");
        assertThat(rows).extracting((row) -> ((Number) row.get("employees")).intValue())
            .containsExactly(4, 3, 3, 3, 3, 4);
    }

    @Test
    void healthIsUp() {
        ResponseEntity<Map<String, Object>> response = getObject("/actuator/health");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metricsAreExposed() {
        ResponseEntity<Map<String, Object>> response = getObject("/actuator/metrics");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Object>) response.getBody().get("names")).contains("hikaricp.connections.active");
    }

    @Test
    @SuppressWarnings("unchecked")
    void queriesAreTimedAsModelrepoQuery() {
        getArray("/api/companies");
        ResponseEntity<Map<String, Object>> response = getObject("/actuator/metrics/modelrepo.query?tag=model:companies");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) response.getBody().get("measurements");
        assertThat(measurements).filteredOn((measurement) -> "COUNT".equals(measurement.get("statistic")))
            .singleElement()
            .satisfies((count) -> assertThat(((Number) count.get("value")).doubleValue()).isGreaterThanOrEqualTo(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoShowsTheModelsAndTheQueryCache() {
        getArray("/api/companies");
        ResponseEntity<Map<String, Object>> response = getObject("/actuator/info");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> modelrepo = (Map<String, Object>) response.getBody().get("modelrepo");
        assertThat(modelrepo).containsKeys("dialect", "models", "queryCache");
        assertThat((Map<String, String>) modelrepo.get("models")).containsValue("companies");
        assertThat(((Number) ((Map<String, Object>) modelrepo.get("queryCache")).get("misses")).longValue()).isPositive();
    }

    private ResponseEntity<Map<String, Object>> getObject(String path) {
        return this.http.get().uri(path).retrieve().toEntity(OBJECT);
    }

    private ResponseEntity<List<Map<String, Object>>> getArray(String path) {
        return this.http.get().uri(path).retrieve().toEntity(ARRAY);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> content(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("content");
    }

    private static List<Object> names(Map<String, Object> page) {
        return content(page).stream().map((employee) -> employee.get("name")).toList();
    }
}
