package org.senda.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements a request runs, for tests that hold a page to a fixed number of statements: every
 * statement of the request (session, security and audit included), kept under the request's path until the next
 * request to the same path. Test-only: the application itself is unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SqlStatementCounter extends OncePerRequestFilter implements BeanPostProcessor {

  private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();
  private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

  public static Integer count(String key) {
    return COUNTS.get(key);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new QueryExecutionListener() {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
          int[] counter = CURRENT.get();
          if (counter != null) {
            counter[0]++;
          }
        }
      }).build();
    }
    return bean;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getRequestURI();
    int[] counter = new int[1];
    CURRENT.set(counter);
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
      COUNTS.put(key, counter[0]);
    }
  }
}
