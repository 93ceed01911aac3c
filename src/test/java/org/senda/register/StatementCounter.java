package org.senda.register;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements one HTTP request runs, from the first filter (so the session and security lookups are
 * counted too) to the end of the response. A test sends the header {@value #HEADER} with a name and reads the count
 * under that name afterwards. The data source is wrapped by datasource-proxy; requests without the header are not
 * counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementCounter implements Filter, BeanPostProcessor {

  public static final String HEADER = "X-Count-Statements";
  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
  private static final Map<String, List<String>> STATEMENTS = new ConcurrentHashMap<>();

  /** The statements the request with this name ran, or -1 when none was counted. */
  public static int count(String name) {
    return STATEMENTS.containsKey(name) ? STATEMENTS.get(name).size() : -1;
  }

  /** The SQL of the statements the request with this name ran, in order (for failure messages). */
  public static List<String> statements(String name) {
    return STATEMENTS.getOrDefault(name, List.of());
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(dataSource)
          .name("statement-counter")
          .afterQuery((execution, queries) -> {
            List<String> statements = CURRENT.get();
            if (statements != null) {
              statements.add(queries.isEmpty() ? "?" : queries.getFirst().getQuery());
            }
          })
          .build();
    }
    return bean;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String name = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
    if (name == null) {
      chain.doFilter(request, response);
      return;
    }
    List<String> statements = new ArrayList<>();
    CURRENT.set(statements);
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
      STATEMENTS.put(name, List.copyOf(statements));
    }
  }
}
