print("distlang")
