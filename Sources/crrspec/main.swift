import Document
print("crrspec")
