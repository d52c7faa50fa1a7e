-- wrk script: POST the pension request of bench_calc to /api/v1/calc/benefit.
wrk.method = "POST"
wrk.path = "/api/v1/calc/benefit"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer demo-officer-token"
wrk.body = '{"regime":"pension","event_date":"2026-07-31","person":{"sex":"male","birth_date":"1965-01-15"},' ..
  '"history":[{"from":"2000-01","to":"2015-12","salary":5000000},{"from":"2016-01","to":"2026-07","salary":10000000}]}'
