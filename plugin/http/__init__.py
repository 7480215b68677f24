"""The HTTP service's plumbing, shared by every blueprint: errors as problem
details, request bodies, request ids and logs, metrics, CORS, OpenAPI and serving."""
