print("kenesh-bench: no scenarios yet")
