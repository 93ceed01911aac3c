package org.senda.diagnostics.internal;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} in a datasource-proxy that reports each statement to the
 * {@link SqlStatementCounter}. The proxy unwraps to the pool underneath, so pool metrics and health still see it.
 */
final class CountingDataSourcePostProcessor implements BeanPostProcessor {

  private final SqlStatementCounter counter;

  CountingDataSourcePostProcessor(SqlStatementCounter counter) {
    this.counter = counter;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(beanName, dataSource).listener(counter).build();
    }
    return bean;
  }
}
