-- OPTIONS /{variant}/items/1: every variant answers 204 with the path's Allow list.
wrk.method = "OPTIONS"
