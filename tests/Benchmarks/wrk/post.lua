-- POST /{variant}/items with a JSON body: every variant answers 201 with Location and the new item.
wrk.method = "POST"
wrk.body = '{"name":"Widget","price":12.5}'
wrk.headers["Content-Type"] = "application/json"
